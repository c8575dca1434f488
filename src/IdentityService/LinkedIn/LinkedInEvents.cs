namespace Outreach.IdentityService.LinkedIn;

// A LinkedIn login lives on its identity's stream, so "one login in progress per identity" is the stream's optimistic
// concurrency: two logins racing for one identity cannot both append. Secrets never appear here: the password is not
// an event at all, and the provider's session token is sealed with a key of its login session's own.

public sealed record LinkedInLoginRequested(string IdentityId, string SessionId, string KeyId, string? Country,
    int MaxVerificationWaitSeconds, bool UsesStoredSession, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt);

public sealed record LinkedInLoginStarted(string IdentityId, string SessionId, DateTimeOffset StartedAt);

public sealed record LinkedInCheckpointReached(string IdentityId, string SessionId, string ProviderAccountId, string CheckpointType, DateTimeOffset ReachedAt);

public sealed record LinkedInCodeRejected(string IdentityId, string SessionId, int Attempts, DateTimeOffset RejectedAt);

/// <summary>Name and URL are sealed with the identity's key; the session token with the login session's key.</summary>
public sealed record LinkedInLoginSucceeded(string IdentityId, string AccountId, string KeyId, string? SeatId, string SessionId,
    string ProviderAccountId, string ProfileId, string SealedName, string SealedProfileUrl, string SealedSessionToken, DateTimeOffset ConnectedAt);

public sealed record LinkedInLoginFailed(string IdentityId, string KeyId, string SessionId, string Reason, DateTimeOffset FailedAt);

public sealed record LinkedInLoginExpired(string IdentityId, string SessionId, DateTimeOffset ExpiredAt);

/// <summary>The connection ended: "logged_out" (we ended it), "revoked" or "expired" (it dropped by itself). Its session key is destroyed.</summary>
public sealed record LinkedInSessionEnded(string IdentityId, string AccountId, string KeyId, string? SeatId, string Reason, DateTimeOffset EndedAt);
