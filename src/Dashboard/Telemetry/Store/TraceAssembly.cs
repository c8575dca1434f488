using System.Collections.Immutable;
using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Telemetry.Store;

/// <summary>Puts a trace back together from its fragments: the list's summary line and the waterfall's tree order.</summary>
internal static class TraceAssembly
{
    public static TraceSummary? Summarize(string traceId, ImmutableArray<TraceFragment> fragments)
    {
        SpanData? root = null;
        SpanData? earliest = null;
        var count = 0;
        var end = long.MinValue;
        var hasError = false;
        var sources = new List<(TelemetrySource Source, long Start)>(2);
        foreach (var fragment in fragments)
        {
            foreach (var span in fragment.Spans)
            {
                count++;
                hasError |= span.IsError;
                end = Math.Max(end, span.EndUnixNano);
                if (earliest is null || span.StartUnixNano < earliest.StartUnixNano)
                {
                    earliest = span;
                }

                if (span.ParentSpanId is null && (root is null || span.StartUnixNano < root.StartUnixNano))
                {
                    root = span;
                }

                NoteSource(sources, span);
            }
        }

        if (earliest is null)
        {
            // Only an empty fragment, caught between its creation and its first spans.
            return null;
        }

        sources.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new TraceSummary(
            traceId,
            (root ?? earliest).Name,
            [.. sources.Select(s => s.Source)],
            count,
            earliest.StartUnixNano,
            end,
            hasError);
    }

    public static IReadOnlyList<TraceSpanRow> Tree(ImmutableArray<TraceFragment> fragments)
    {
        var spans = fragments.SelectMany(f => f.Spans).OrderBy(s => s.StartUnixNano).ToList();
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var rows = new List<TraceSpanRow>(spans.Count);
        var placed = new HashSet<SpanData>();
        // A span whose parent never arrived (or was evicted) starts a subtree of its own, so nothing is hidden.
        foreach (var top in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)))
        {
            Place(top, 0);
        }

        // Parent links that form a cycle (a broken sender) would leave spans unplaced; show them at the top level.
        foreach (var rest in spans.Where(s => !placed.Contains(s)))
        {
            rows.Add(new TraceSpanRow(rest, 0));
        }

        return rows;

        void Place(SpanData span, int depth)
        {
            var stack = new Stack<(SpanData Span, int Depth)>();
            stack.Push((span, depth));
            while (stack.TryPop(out var next))
            {
                if (!placed.Add(next.Span))
                {
                    continue;
                }

                rows.Add(new TraceSpanRow(next.Span, next.Depth));
                foreach (var child in children[next.Span.SpanId].Reverse())
                {
                    stack.Push((child, next.Depth + 1));
                }
            }
        }
    }

    private static void NoteSource(List<(TelemetrySource Source, long Start)> sources, SpanData span)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].Source.Equals(span.Source))
            {
                if (span.StartUnixNano < sources[i].Start)
                {
                    sources[i] = (span.Source, span.StartUnixNano);
                }

                return;
            }
        }

        sources.Add((span.Source, span.StartUnixNano));
    }
}
