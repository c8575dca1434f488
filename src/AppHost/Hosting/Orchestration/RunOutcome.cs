namespace Outreach.AppHost.Hosting.Orchestration;

internal enum RunOutcome
{
    /// <summary>Stopped because it was asked to (command or shutdown).</summary>
    Stopped,

    /// <summary>The process ended by itself: it is restarted after a backoff.</summary>
    Crashed,

    /// <summary>It could not be started at all; it stays down until a Start command.</summary>
    FailedToStart,
}
