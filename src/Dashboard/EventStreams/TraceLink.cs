namespace Outreach.Dashboard.EventStreams;

/// <summary>
/// The trace id inside a W3C traceparent (<c>00-&lt;32 hex trace id&gt;-&lt;16 hex span id&gt;-&lt;2 hex flags&gt;</c>),
/// which is what the telemetry slice's <c>/traces/{traceId}</c> page is keyed by.
/// </summary>
public static class TraceLink
{
    private const string InvalidTraceId = "00000000000000000000000000000000";

    public static string? TraceIdOf(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        if (parts is not { Length: >= 4 } || parts[1].Length != 32 || !IsLowerHex(parts[1]) || parts[1] == InvalidTraceId)
        {
            return null;
        }

        return parts[1];
    }

    /// <summary>The telemetry page of the trace, or null when the traceparent is missing or malformed.</summary>
    public static string? PathOf(string? traceParent) => TraceIdOf(traceParent) is { } traceId ? $"/traces/{traceId}" : null;

    private static bool IsLowerHex(string value) => value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
