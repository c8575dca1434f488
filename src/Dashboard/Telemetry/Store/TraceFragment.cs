using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>
/// The spans of one trace that one resource sent. Each resource counts (and evicts) its own fragments, so a busy
/// resource cannot push a quiet one's traces out; a trace is the union of its fragments.
/// </summary>
internal sealed class TraceFragment(string traceId, string serviceName)
{
    private SpanData[] _spans = [];

    public string TraceId { get; } = traceId;

    public string ServiceName { get; } = serviceName;

    /// <summary>Replaced whole on every append (under the partition's lock), so readers need no lock to read it.</summary>
    public SpanData[] Spans => Volatile.Read(ref _spans);

    public void Append(List<SpanData> spans)
    {
        var current = _spans;
        var next = new SpanData[current.Length + spans.Count];
        current.CopyTo(next, 0);
        spans.CopyTo(next, current.Length);
        Volatile.Write(ref _spans, next);
    }

    public bool Matches(string? resource)
    {
        if (string.IsNullOrEmpty(resource) || resource == ServiceName)
        {
            return true;
        }

        foreach (var span in Spans)
        {
            if (span.Source.InstanceId == resource)
            {
                return true;
            }
        }

        return false;
    }
}
