namespace Outreach.Dashboard;

/// <summary>How the dashboard runs: where it listens, who may see it, how much telemetry it keeps, what it reads.</summary>
public sealed class DashboardOptions
{
    /// <summary>Loopback by default: the dashboard shows environment, logs and events, so it is not for the network.</summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:0";

    /// <summary>The browser token of Aspire's dashboard: <c>/login?t=TOKEN</c> sets the session cookie; the API also takes <c>x-dashboard-token</c>.</summary>
    public required string BrowserToken { get; set; }

    /// <summary>When set, OTLP requests must carry it in <c>x-otlp-api-key</c>; when null, OTLP is open (loopback only).</summary>
    public string? OtlpApiKey { get; set; }

    public TelemetryLimits TelemetryLimits { get; set; } = new();

    /// <summary>The event stores the Event streams pages read: one per service database.</summary>
    public IList<EventStoreSource> EventStores { get; } = [];

    /// <summary>The broker whose error queues the dead-letter page lists (amqp://user:pass@host:port/vhost), if any.</summary>
    public string? BrokerConnectionString { get; set; }

    /// <summary>Lists the broker's queues for the dead-letter page (AMQP cannot); without one the page says it cannot list them.</summary>
    public DeadLetters.IBrokerQueueCatalog? BrokerQueueCatalog { get; set; }

    /// <summary>When set, the telemetry of the last runs is kept on disk here (optional, like Aspire's dashboard has none).</summary>
    public string? TelemetryDirectory { get; set; }
}

/// <summary>Aspire's dashboard limits, per resource; the oldest item is evicted when one is full.</summary>
public sealed class TelemetryLimits
{
    public int MaxLogCount { get; set; } = 10_000;

    public int MaxTraceCount { get; set; } = 10_000;

    public int MaxMetricPointCount { get; set; } = 50_000;
}

/// <summary>One service's event store: its name (as the resource is named) and its database.</summary>
public sealed record EventStoreSource(string ServiceName, string ConnectionString);
