namespace Outreach.ServiceDefaults.Messaging;

/// <summary>When the <see cref="StuckEndpointWatchdog"/> looks, and how long it lets a stuck endpoint be (section "Messaging:Watchdog").</summary>
public sealed class StuckEndpointWatchdogOptions
{
    public const string SectionName = "Messaging:Watchdog";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the receive endpoints may stay unhealthy while the broker answers before the bus is restarted. MassTransit
    /// reconnects on its own within seconds when it can; this is well beyond that.
    /// </summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most the bus's stop, and then its start, may each take during a restart.</summary>
    public TimeSpan RestartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
