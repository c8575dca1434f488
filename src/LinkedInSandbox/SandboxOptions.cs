namespace Outreach.LinkedInSandbox;

/// <summary>The "Sandbox" configuration section. Every value has a default, so the sandbox runs with none set.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>When set, every provider route wants it in X-API-KEY. Empty: no check.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Added before every provider route answers (not /health, not the sandbox control routes).</summary>
    public int LatencyMs { get; set; }

    /// <summary>The code that solves a 2FA or OTP checkpoint.</summary>
    public string CheckpointCode { get; set; } = "123456";

    /// <summary>Wrong codes allowed on one checkpoint; the last one fails the login.</summary>
    public int MaxCheckpointAttempts { get; set; } = 3;

    /// <summary>How long after the login request its checkpoints can still be solved (Unipile's intent window: 5 minutes).</summary>
    public double IntentWindowSeconds { get; set; } = 300;

    /// <summary>How long an IN_APP_VALIDATION checkpoint takes to be approved "on the phone".</summary>
    public int InAppApprovalDelayMs { get; set; } = 3000;

    /// <summary>How long a request hangs under the "timeout" fault before it answers 504.</summary>
    public int TimeoutFaultMs { get; set; } = 60_000;

    public TimeSpan IntentWindow => TimeSpan.FromSeconds(IntentWindowSeconds);
    public TimeSpan InAppApprovalDelay => TimeSpan.FromMilliseconds(InAppApprovalDelayMs);
}
