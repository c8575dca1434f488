using System.Globalization;
using System.Text;
using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// /traces/{traceId}: the span waterfall (nested by parent, bars placed by start and duration, coloured per
/// resource, with a legend), every span's attributes and events, and the logs written inside the trace.
/// </summary>
public static class TraceDetailPage
{
    /// <summary>Logs of one trace are few; this bounds a runaway loop that logs on every iteration.</summary>
    private const int MaxLogs = 1000;

    public static IResult Render(HttpContext http, TelemetryRepository repository, string traceId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.GetTrace(traceId) is not { } trace)
        {
            return DashboardLayout.Page(http, "Trace not found", TracesPage.Path,
                $"""<p>No trace {E(traceId)} is stored: it may not have arrived yet, or it was evicted. <a href="{TracesPage.Path}">All traces</a></p>""",
                StatusCodes.Status404NotFound);
        }

        var logs = repository.GetLogs(new LogQuery(TraceId: trace.Summary.TraceId, Limit: MaxLogs)).Logs;
        return DashboardLayout.Page(http, trace.Summary.Name, TracesPage.Path, DashboardLayout.Live(Content(trace, logs)));
    }

    private static string Content(TraceDetail trace, IReadOnlyList<LogEntry> logs)
    {
        var summary = trace.Summary;
        var legend = string.Join(" ", summary.ServiceNames.Select(name => $"<li>{TelemetryMarkup.Resource(name)}</li>"));
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p class="mono">{E(summary.TraceId)}</p>
            <p>{summary.SpanCount} spans over {summary.ServiceNames.Count} resource{(summary.ServiceNames.Count == 1 ? "" : "s")},
            {Duration(summary.Duration)}, started {Time(UnixNanos.ToDateTimeOffset(summary.StartUnixNano))}.</p>
            <ul class="legend" aria-label="Resources">{legend}</ul>
            """);
        body.Append(DashboardLayout.Table(["Span", "Resource", "Timeline", "Duration"], trace.Spans.Select(row => SpanRow(row, summary)), "Spans"));
        body.Append("<h2>Logs of this trace</h2>");
        body.Append(logs.Count == 0
            ? """<p class="muted">No log carries this trace id.</p>"""
            : DashboardLayout.Table(["Resource", "Level", "Timestamp", "Message"], logs.Reverse().Select(LogRow)));
        return body.ToString();
    }

    private static string SpanRow(TraceSpanRow row, TraceSummary trace)
    {
        var span = row.Span;
        var total = Math.Max(1, trace.EndUnixNano - trace.StartUnixNano);
        var left = 100.0 * (span.StartUnixNano - trace.StartUnixNano) / total;
        var width = Math.Max(0.2, 100.0 * (span.EndUnixNano - span.StartUnixNano) / total);
        var bar = string.Create(CultureInfo.InvariantCulture,
            $"""<div class="waterfall" role="img" aria-label="starts at {Duration(UnixNanos.Between(trace.StartUnixNano, span.StartUnixNano))}, lasts {Duration(span.Duration)}"><span style="left:{left:0.##}%;width:{Math.Min(width, 100 - left):0.##}%;background:{ColorOf(span.Source.ServiceName)}"></span></div>""");
        var status = span.IsError ? $""" <span class="level-Error">error{(span.StatusMessage is null ? "" : ": " + E(span.StatusMessage))}</span>""" : "";
        var indent = string.Create(CultureInfo.InvariantCulture, $"padding-left:{row.Depth * 1.2:0.#}rem");
        return $"""
            <tr><td style="{indent}"><details><summary>{E(span.Name)}{status}</summary>
            <p class="muted">{E(span.Kind)} · {E(span.Scope)} · <span class="mono">{E(span.SpanId)}</span></p>
            {TelemetryMarkup.Attributes(span.Attributes)}{Events(span)}</details></td>
            <td>{TelemetryMarkup.Resource(span.Source)}</td><td>{bar}</td><td class="num">{Duration(span.Duration)}</td></tr>
            """;
    }

    private static string Events(SpanData span)
    {
        if (span.Events.Length == 0)
        {
            return "";
        }

        var items = span.Events.Select(e =>
            $"<li><strong>{E(e.Name)}</strong> <span class=\"muted\">+{Duration(UnixNanos.Between(span.StartUnixNano, e.TimeUnixNano))}</span>{TelemetryMarkup.Attributes(e.Attributes)}</li>");
        return $"<h3>Events</h3><ul>{string.Concat(items)}</ul>";
    }

    private static string LogRow(LogEntry log) => $"""
        <tr><td>{TelemetryMarkup.Resource(log.Source)}</td><td class="level-{log.Level}">{log.Level}</td>
        <td class="mono">{Time(UnixNanos.ToDateTimeOffset(log.TimeUnixNano))}</td><td>{E(log.Message)}</td></tr>
        """;
}
