namespace Outreach.SeatService.Accounts;

/// <summary>An operator's customer: the owner of access keys, seats and members.</summary>
public sealed class Account
{
    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Dictionary<string, bool> KeysRevoked { get; } = [];
    public int? RequestsPerMinute { get; private set; }

    public void Apply(AccountCreated e)
    {
        Id = e.AccountId;
        Name = e.Name;
    }

    public void Apply(AccessKeyIssued e) => KeysRevoked[e.KeyId] = false;

    public void Apply(AccessKeyRevoked e) => KeysRevoked[e.KeyId] = true;

    public void Apply(AccountRateLimitSet e) => RequestsPerMinute = e.RequestsPerMinute;

    public bool HasLiveKey(string keyId) => KeysRevoked.TryGetValue(keyId, out var revoked) && !revoked;

    /// <summary>A key id is issued once: issuing a known one again would bring a revoked key back to life.</summary>
    public bool CanIssue(string keyId) => !KeysRevoked.ContainsKey(keyId);

    /// <summary>
    /// Null for a key this account never issued (404). Revoking is once: a revoked key stays revoked, and revoking it
    /// again records nothing (an empty list, still 204).
    /// </summary>
    public IReadOnlyList<object>? Revoke(string keyId, DateTimeOffset now) =>
        !KeysRevoked.TryGetValue(keyId, out var revoked) ? null
        : revoked ? []
        : [new AccessKeyRevoked(Id, keyId, now)];
}
