using System.Text;
using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// /structuredlogs: resource, level, timestamp, message and trace link of the newest logs; filtered by the query
/// string, so the Resources page can link a badge to <c>?resource=seat-service&amp;level=Error</c>.
/// </summary>
public static class StructuredLogsPage
{
    public const string Path = "/structuredlogs";

    /// <summary>A page shows the newest this many; the count above the table says how many matched in all.</summary>
    public const int PageSize = 200;

    public static IResult Render(HttpContext http, TelemetryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(repository);
        var filters = TelemetryFilters.From(http.Request);
        var page = repository.GetLogs(filters.ToLogQuery(PageSize));
        var body = new StringBuilder();
        body.Append(Form(repository.Sources, filters));
        body.Append(DashboardLayout.Live(Table(page, filters)));
        return DashboardLayout.Page(http, "Structured logs", Path, body.ToString());
    }

    private static string Form(IReadOnlyList<TelemetrySource> sources, TelemetryFilters filters)
    {
        var level = filters.MinLevel;
        var levels = new StringBuilder($"""<option value=""{(level is null ? " selected" : "")}>Any</option>""");
        foreach (var option in LogLevels.Shown)
        {
            levels.Append($"""<option value="{option}"{(option == level ? " selected" : "")}>{option} and above</option>""");
        }

        return $"""
            <form class="filters" method="get" action="{Path}" role="search" aria-label="Filter logs">
            {TelemetryMarkup.ResourceSelect(sources, filters.Resource)}
            <label for="level">Minimum level<select id="level" name="level">{levels}</select></label>
            <label for="text">Message contains<input id="text" name="text" type="search" value="{E(filters.Text)}"></label>
            <label for="attr">Attribute<input id="attr" name="attr" type="text" placeholder="name=value" value="{E(filters.Attribute)}"></label>
            <button type="submit">Filter</button>
            </form>
            """;
    }

    private static string Table(LogPage page, TelemetryFilters filters)
    {
        var rows = page.Logs.Select(Row);
        var unknownLevel = filters.MinLevel == LogLevel.None
            ? $"""<p class="muted">"{E(filters.LevelText)}" is not a level; every level is shown.</p>"""
            : "";
        var count = $"""<p class="muted">{page.MatchedCount} matching log{(page.MatchedCount == 1 ? "" : "s")}{(page.MatchedCount > page.Logs.Count ? $", the newest {page.Logs.Count} shown" : "")}.</p>""";
        return unknownLevel + count + DashboardLayout.Table(["Resource", "Level", "Timestamp", "Message", "Trace"], rows);
    }

    private static string Row(LogEntry log)
    {
        var details = log.Attributes.Length == 0
            ? ""
            : $"<details><summary>Attributes ({log.Attributes.Length})</summary>{TelemetryMarkup.Attributes(log.Attributes)}</details>";
        var trace = log.TraceId is null ? "" : $"""<a href="/traces/{U(log.TraceId)}" class="mono">{E(log.TraceId[..8])}</a>""";
        return $"""
            <tr><td>{TelemetryMarkup.Resource(log.Source)}</td><td class="level-{log.Level}">{log.Level}</td>
            <td class="mono">{Time(UnixNanos.ToDateTimeOffset(log.TimeUnixNano))}</td>
            <td>{E(log.Message)}<div class="muted">{E(log.Category)}</div>{details}</td><td>{trace}</td></tr>
            """;
    }
}
