using System.Globalization;
using System.Text;
using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>/traces: newest first, one page at a time (only that page's traces are assembled and rendered).</summary>
public static class TracesPage
{
    public const string Path = "/traces";
    public const int PageSize = 100;

    public static IResult Render(HttpContext http, TelemetryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(repository);
        var resource = TelemetryFilters.Value(http.Request, "resource");
        var pageNumber = int.TryParse(TelemetryFilters.Value(http.Request, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var page = repository.GetTraces(new TraceQuery(resource, (pageNumber - 1) * PageSize, PageSize));
        var form = $"""
            <form class="filters" method="get" action="{Path}" role="search" aria-label="Filter traces">
            {TelemetryMarkup.ResourceSelect(repository.Sources, resource)}
            <button type="submit">Filter</button>
            </form>
            """;
        return DashboardLayout.Page(http, "Traces", Path, form + DashboardLayout.Live(Table(page, resource, pageNumber)));
    }

    private static string Table(TracePage page, string? resource, int pageNumber)
    {
        var first = ((pageNumber - 1) * PageSize) + 1;
        var summary = page.Traces.Count == 0
            ? $"""<p class="muted">{page.MatchedCount} trace{(page.MatchedCount == 1 ? "" : "s")}.</p>"""
            : $"""<p class="muted">{page.MatchedCount} traces, newest first; {first}–{first + page.Traces.Count - 1} shown.</p>""";
        return summary
            + DashboardLayout.Table(["Name", "Resources", "Spans", "Duration", "Start"], page.Traces.Select(Row))
            + Pager(page, resource, pageNumber);
    }

    private static string Row(TraceSummary trace) => $"""
        <tr><td><a href="{Path}/{U(trace.TraceId)}">{E(trace.Name)}</a>{(trace.HasError ? " <span class=\"level-Error\">error</span>" : "")}
        <div class="muted mono">{E(trace.TraceId)}</div></td>
        <td>{string.Join("<br>", trace.Sources.Select(TelemetryMarkup.Resource))}</td>
        <td class="num">{trace.SpanCount}</td><td class="num">{Duration(trace.Duration)}</td>
        <td class="mono">{Time(UnixNanos.ToDateTimeOffset(trace.StartUnixNano))}</td></tr>
        """;

    private static string Pager(TracePage page, string? resource, int pageNumber)
    {
        var links = new StringBuilder();
        var query = resource is null ? "" : $"resource={U(resource)}&";
        if (pageNumber > 1)
        {
            links.Append($"""<a href="{Path}?{query}page={pageNumber - 1}" rel="prev">Newer</a> """);
        }

        if (pageNumber * PageSize < page.MatchedCount)
        {
            links.Append($"""<a href="{Path}?{query}page={pageNumber + 1}" rel="next">Older</a>""");
        }

        return links.Length == 0 ? "" : $"""<nav class="pager" aria-label="Pages">{links}</nav>""";
    }
}
