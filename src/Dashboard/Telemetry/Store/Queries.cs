using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// Which logs to list, newest first. <paramref name="Resource"/> is a service name (every replica) or one instance id;
/// <paramref name="MinLevel"/> keeps that level and above; <paramref name="Text"/> is searched in the message, any case;
/// <paramref name="AttributeName"/> alone asks for the attribute's presence, with <paramref name="AttributeValue"/> its exact value.
/// </summary>
public sealed record LogQuery(
    string? Resource = null,
    LogLevel? MinLevel = null,
    string? Text = null,
    string? AttributeName = null,
    string? AttributeValue = null,
    string? TraceId = null,
    int Limit = 100)
{
    public bool Matches(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (MinLevel is not { } min || entry.Level >= min)
            && (TraceId is null || string.Equals(entry.TraceId, TraceId, StringComparison.Ordinal))
            && entry.Source.Matches(Resource)
            && (string.IsNullOrEmpty(Text) || entry.Message.Contains(Text, StringComparison.OrdinalIgnoreCase))
            && MatchesAttribute(entry.Attributes);
    }

    private bool MatchesAttribute(AttributePair[] attributes)
    {
        if (string.IsNullOrEmpty(AttributeName))
        {
            return true;
        }

        return AttributeValue is null
            ? AttributePair.Find(attributes, AttributeName) is not null
            : AttributePair.Contains(attributes, AttributeName, AttributeValue);
    }
}

/// <summary>Up to the query's limit of the newest matching logs, and how many matched in all.</summary>
public sealed record LogPage(int MatchedCount, IReadOnlyList<LogEntry> Logs);

/// <summary>A page of the trace list, newest first; <paramref name="Resource"/> as in <see cref="LogQuery"/>.</summary>
public sealed record TraceQuery(string? Resource = null, int Offset = 0, int Limit = 100);

public sealed record TracePage(int MatchedCount, IReadOnlyList<TraceSummary> Traces);

/// <summary>
/// One line of the trace list. <paramref name="Name"/> is the root span's (else the earliest span's);
/// <paramref name="Sources"/> every resource instance involved, in the order they joined the trace.
/// </summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    IReadOnlyList<TelemetrySource> Sources,
    int SpanCount,
    long StartUnixNano,
    long EndUnixNano,
    bool HasError)
{
    public TimeSpan Duration => UnixNanos.Between(StartUnixNano, EndUnixNano);

    public IReadOnlyList<string> ServiceNames => [.. Sources.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal)];
}

/// <summary>A whole trace: its summary and its spans in tree order (each after its parent, siblings by start).</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<TraceSpanRow> Spans);

public sealed record TraceSpanRow(SpanData Span, int Depth);
