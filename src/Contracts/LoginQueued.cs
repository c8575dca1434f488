namespace Outreach.Contracts;

/// <summary>A LinkedIn login was requested for an identity. Carries no credentials: the worker reads them from the login session, never from the message.</summary>
public sealed record LoginQueued(string IdentityId, string SessionId, string KeyId, DateTimeOffset QueuedAt);
