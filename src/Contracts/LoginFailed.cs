namespace Outreach.Contracts;

/// <summary>A LinkedIn login ended without a connection: Reason is e.g. invalid_credentials, captcha_failed, too_many_attempts.</summary>
public sealed record LoginFailed(string IdentityId, string KeyId, string SessionId, string Reason, DateTimeOffset FailedAt);
