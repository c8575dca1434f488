using Outreach.IdentityService.LinkedIn;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// An outreach profile under an access key and its LinkedIn connection; decides what may happen to it. Holds no
/// personal data in the clear: names and the session token stay sealed.
/// </summary>
public sealed partial class Identity
{
    public const int MaxCodeAttempts = 3;

    public string Id { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string? SeatId { get; private set; }
    public bool IsDeleted { get; private set; }

    /// <summary>The connection: set by a successful login, cleared when the session ends.</summary>
    public bool IsConnected { get; private set; }
    public string? ProviderAccountId { get; private set; }
    public string? ProfileId { get; private set; }
    /// <summary>The login session whose sealed token is the stored session, for re-authentication.</summary>
    public string? StoredSessionId { get; private set; }
    public string? SealedSessionToken { get; private set; }

    /// <summary>When each login was requested, for <see cref="LoginThrottle"/>.</summary>
    public List<DateTimeOffset> LoginsRequestedAt { get; } = [];

    /// <summary>The login in flight, if any: one per identity.</summary>
    public LoginAttempt? Login { get; private set; }

    public sealed record LoginAttempt(string SessionId, string Status, bool UsesStoredSession, string? Country, DateTimeOffset ExpiresAt,
        string? CheckpointType = null, string? CheckpointAccountId = null, int Attempts = 0);

    public bool HasLoginInProgress(DateTimeOffset now) => Login is { } login && !LoginStatus.IsFinished(login.Status) && login.ExpiresAt > now;

    public void Apply(IdentityCreated e)
    {
        Id = e.IdentityId;
        AccountId = e.AccountId;
        KeyId = e.KeyId;
        SeatId = e.SeatId;
    }

    public void Apply(IdentityProfileUpdated e) { }

    public void Apply(IdentityMigrated e) => KeyId = e.ToKeyId;

    public void Apply(IdentityDeleted e)
    {
        IsDeleted = true;
        IsConnected = false;
        SealedSessionToken = null;
        Login = null;
    }

    public void Apply(LinkedInLoginRequested e)
    {
        Login = new LoginAttempt(e.SessionId, LoginStatus.Queued, e.UsesStoredSession, e.Country, e.ExpiresAt);
        LoginsRequestedAt.Add(e.RequestedAt);
    }

    public void Apply(LinkedInLoginStarted e) => Login = Login! with { Status = LoginStatus.InProgress };

    public void Apply(LinkedInCheckpointReached e) =>
        Login = Login! with { Status = LoginStatus.Checkpoint, CheckpointType = e.CheckpointType, CheckpointAccountId = e.ProviderAccountId };

    public void Apply(LinkedInCodeRejected e) => Login = Login! with { Attempts = e.Attempts };

    public void Apply(LinkedInLoginSucceeded e)
    {
        Login = Login! with { Status = LoginStatus.Connected };
        IsConnected = true;
        ProviderAccountId = e.ProviderAccountId;
        ProfileId = e.ProfileId;
        StoredSessionId = e.SessionId;
        SealedSessionToken = e.SealedSessionToken;
    }

    public void Apply(LinkedInLoginFailed e) => Login = Login! with { Status = LoginStatus.Failed };

    public void Apply(LinkedInLoginExpired e) => Login = Login! with { Status = LoginStatus.Expired };

    public void Apply(LinkedInSessionEnded e)
    {
        IsConnected = false;
        StoredSessionId = null;
        SealedSessionToken = null;
    }
}
