namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// The ActivitySources and Meters the platform listens to. Without the OpenTelemetry instrumentation
/// packages we subscribe to what the libraries emit natively, by name.
/// </summary>
public static class TelemetrySources
{
    public const string EventSourcing = "Outreach.EventSourcing";

    /// <summary>Any Outreach library or service may add its own source under this prefix.</summary>
    public const string OutreachWildcard = "Outreach.*";

    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "MassTransit",
        "Npgsql",
        EventSourcing,
        OutreachWildcard,
    ];

    public static IReadOnlyList<string> Meters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
        "MassTransit",
        "Npgsql",
        EventSourcing,
        OutreachWildcard,
    ];
}
