namespace Outreach.IdentityService.LinkedIn;

/// <summary>The states of a login operation, as GET …/linkedin/status/:session_id reports them.</summary>
public static class LoginStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Checkpoint = "checkpoint";
    public const string Connected = "connected";
    public const string Failed = "failed";
    public const string Expired = "expired";

    public static bool IsFinished(string status) => status is Connected or Failed or Expired;
}

/// <summary>Why a login failed, as the status route and LoginFailed report it.</summary>
public static class LoginFailures
{
    public const string InvalidCredentials = "invalid_credentials";
    public const string CaptchaFailed = "captcha_failed";
    public const string TooManyAttempts = "too_many_attempts";
    public const string Restricted = "account_restricted";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string SessionInvalid = "stored_session_invalid";
    public const string CheckpointFailed = "checkpoint_failed";
    public const string CheckpointExpired = "checkpoint_expired";

    /// <summary>The client could not answer the checkpoint (DeclineCheckpoint): the connect page registers no phone number.</summary>
    public const string CheckpointDeclined = "checkpoint_declined";
}
