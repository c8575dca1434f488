namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>Unipile's source statuses, spelled as Unipile spells them.</summary>
public static class SourceStatus
{
    public const string Ok = "OK";
    public const string Connecting = "CONNECTING";
    public const string Credentials = "CREDENTIALS";
    public const string Error = "ERROR";
    public const string Stopped = "STOPPED";
}

public static class CheckpointTypes
{
    public const string TwoFactor = "2FA";
    public const string Otp = "OTP";
    public const string InAppValidation = "IN_APP_VALIDATION";
    public const string Captcha = "CAPTCHA";
    public const string PhoneRegister = "PHONE_REGISTER";

    /// <summary>The code that asks for another kind of checkpoint instead of solving this one.</summary>
    public const string TryAnotherWay = "TRY_ANOTHER_WAY";
}

/// <summary>Why a login that was waiting on a checkpoint ended without a session.</summary>
public enum LoginFailure
{
    None,
    Expired,
    Captcha,
    TooManyAttempts,
}

/// <summary>The checkpoint a login waits on. Source says where the code went (SMS, EMAIL), when that matters.</summary>
public sealed record PendingCheckpoint(string Type, string? Source, DateTimeOffset IssuedAt)
{
    public int Attempts { get; set; }
    public int Resends { get; set; }
}

/// <summary>
/// One connected (or connecting) LinkedIn account. Mutable, so every read and write holds <see cref="Gate"/>;
/// the time-driven transitions (in-app approval, intent expiry) happen in <see cref="Refresh"/> under it.
/// </summary>
public sealed class SandboxAccount
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required string Name { get; init; }
    /// <summary>The account's own LinkedIn member id (connection_params.im.id), the same for every login of this username.</summary>
    public required string MemberId { get; init; }
    public required string PublicIdentifier { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset IntentExpiresAt { get; init; }

    public Lock Gate { get; } = new();
    public string Status { get; private set; } = SourceStatus.Connecting;
    public PendingCheckpoint? Checkpoint { get; private set; }
    public LoginFailure Failure { get; private set; }
    public string? SessionToken { get; private set; }
    private readonly HashSet<string> _retiredSessionTokens = new(StringComparer.Ordinal);

    public void Await(PendingCheckpoint checkpoint)
    {
        Status = SourceStatus.Connecting;
        Checkpoint = checkpoint;
    }

    public void Connect()
    {
        Status = SourceStatus.Ok;
        Checkpoint = null;
        SessionToken ??= SessionTokens.New();
    }

    public void Fail(LoginFailure failure)
    {
        Status = SourceStatus.Error;
        Checkpoint = null;
        Failure = failure;
    }

    /// <summary>The session ends on LinkedIn's side: re-authentication is required, and the token is worthless.</summary>
    public void Revoke()
    {
        Status = SourceStatus.Credentials;
        RetireSession();
    }

    public void Stop() => Status = SourceStatus.Stopped;

    public bool WasRetired(string token) => _retiredSessionTokens.Contains(token);

    public void RetireSession()
    {
        if (SessionToken is not null)
            _retiredSessionTokens.Add(SessionToken);
        SessionToken = null;
    }

    /// <summary>Applies what time has decided since the last look: an in-app approval, or the intent window closing.</summary>
    public void Refresh(DateTimeOffset now, SandboxOptions options)
    {
        if (Status != SourceStatus.Connecting || Checkpoint is null)
            return;
        if (Checkpoint.Type == CheckpointTypes.InAppValidation)
        {
            var approvedAt = Checkpoint.IssuedAt + options.InAppApprovalDelay;
            if (approvedAt <= now && approvedAt <= IntentExpiresAt)
            {
                Connect();
                return;
            }
        }

        if (now > IntentExpiresAt)
            Fail(LoginFailure.Expired);
    }
}
