namespace Outreach.InvitationService.Invitations;

/// <summary>The "Invitations" configuration section: the queue's pacing and the background work's rhythm.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>Queued sends of one sender are spaced by a random time in [PacingMinMs, PacingMaxMs]: about a minute by default.</summary>
    public int PacingMinMs { get; set; } = 45_000;

    public int PacingMaxMs { get; set; } = 75_000;

    /// <summary>How often the queue looks for due sends (it is also woken when a batch is queued).</summary>
    public int QueuePollMs { get; set; } = 1_000;

    /// <summary>How many senders the queue serves at once.</summary>
    public int QueueConcurrency { get; set; } = 8;

    /// <summary>A send still "sending" this long after it started lost its outcome (a timeout, a crash): it is reconciled.</summary>
    public int ReconcileAfterMs { get; set; } = 60_000;

    /// <summary>How often the connections of accounts with pending invitations are read, to find acceptances.</summary>
    public int AcceptancePollMs { get; set; } = 60_000;

    /// <summary>Attempts of a queued send whose outcome could not be had before it fails.</summary>
    public int MaxQueuedAttempts { get; set; } = 3;

    /// <summary>After a withdrawal, LinkedIn refuses a new invitation to the same person for three weeks.</summary>
    public int ResendCooldownDays { get; set; } = 21;
}
