namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>One structured log record as the store keeps it.</summary>
public sealed class LogEntry
{
    public required TelemetrySource Source { get; init; }

    /// <summary>The time it happened (the observed time when the sender gave none).</summary>
    public long TimeUnixNano { get; init; }

    /// <summary>OTLP's 1–24 severity, 0 when the sender gave none.</summary>
    public int SeverityNumber { get; init; }

    public string? SeverityText { get; init; }

    public LogLevel Level { get; init; }

    public required string Message { get; init; }

    /// <summary>The logger category (instrumentation scope).</summary>
    public required string Category { get; init; }

    public string? EventName { get; init; }

    public AttributePair[] Attributes { get; init; } = AttributePair.None;

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    /// <summary>Order of arrival over every resource, so merged lists stay newest first; set by the store.</summary>
    public long Sequence { get; internal set; }
}
