namespace Outreach.IdentityService.Identities;

/// <summary>An outreach profile under an access key; decides what may happen to it. Holds no personal data itself.</summary>
public sealed class Identity
{
    public string Id { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string? SeatId { get; private set; }
    public bool IsDeleted { get; private set; }

    public void Apply(IdentityCreated e)
    {
        Id = e.IdentityId;
        AccountId = e.AccountId;
        KeyId = e.KeyId;
        SeatId = e.SeatId;
    }

    public void Apply(IdentityProfileUpdated e) { }

    public void Apply(IdentityDeleted e) => IsDeleted = true;
}
