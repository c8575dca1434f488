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

    /// <summary>Invitations one LinkedIn member may send per UTC day, over all its logins.</summary>
    public int DailyInvitationLimit { get; set; } = 100;

    /// <summary>Invitations one LinkedIn member may send in any rolling 7 days, over all its logins.</summary>
    public int WeeklyInvitationLimit { get; set; } = 200;

    /// <summary>How long after withdrawing an invitation the same person cannot be invited again (LinkedIn: 3 weeks). Fractions allowed.</summary>
    public double ResendCooldownDays { get; set; } = 21;

    /// <summary>When an "accepts-" recipient accepts; other recipients that accept do so between this and 10× this.</summary>
    public int AcceptanceDelayMs { get; set; } = 2000;

    /// <summary>The chance (0..1) that a recipient without a tag accepts at all; 0 never.</summary>
    public double AcceptanceRate { get; set; } = 0.3;

    public TimeSpan IntentWindow => TimeSpan.FromSeconds(IntentWindowSeconds);
    public TimeSpan InAppApprovalDelay => TimeSpan.FromMilliseconds(InAppApprovalDelayMs);
    public TimeSpan ResendCooldown => TimeSpan.FromDays(ResendCooldownDays);
    public TimeSpan AcceptanceDelay => TimeSpan.FromMilliseconds(AcceptanceDelayMs);
}
