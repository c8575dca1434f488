namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>One span as the store keeps it: ids in lowercase hex (as OTLP/JSON and the W3C traceparent write them).</summary>
public sealed class SpanData
{
    public required TelemetrySource Source { get; init; }

    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    /// <summary>Null for a root span.</summary>
    public string? ParentSpanId { get; init; }

    public required string Name { get; init; }

    /// <summary>Internal, Server, Client, Producer, Consumer or Unspecified.</summary>
    public required string Kind { get; init; }

    /// <summary>The ActivitySource (instrumentation scope) that made it.</summary>
    public required string Scope { get; init; }

    public long StartUnixNano { get; init; }

    public long EndUnixNano { get; init; }

    /// <summary>Unset, Ok or Error.</summary>
    public required string Status { get; init; }

    public string? StatusMessage { get; init; }

    public AttributePair[] Attributes { get; init; } = AttributePair.None;

    public SpanEventData[] Events { get; init; } = [];

    public SpanLinkData[] Links { get; init; } = [];

    public TimeSpan Duration => UnixNanos.Between(StartUnixNano, EndUnixNano);

    public bool IsError => Status == SpanStatuses.Error;
}

public sealed record SpanEventData(string Name, long TimeUnixNano, AttributePair[] Attributes);

public sealed record SpanLinkData(string TraceId, string SpanId, AttributePair[] Attributes);

public static class SpanStatuses
{
    public const string Unset = "Unset";
    public const string Ok = "Ok";
    public const string Error = "Error";
}
