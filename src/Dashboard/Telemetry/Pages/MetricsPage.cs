using System.Text;
using Outreach.Dashboard.Pages;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>
/// /metrics?resource=&amp;meter=&amp;instrument=&amp;filter=key=value: a resource's meter → instrument tree, and the
/// chosen instrument as a chart over time and a table of the latest point per dimension set, narrowed by dimension.
/// </summary>
public static class MetricsPage
{
    public const string Path = "/metrics";

    /// <summary>A chart with more lines than this is unreadable; the table still lists every series.</summary>
    private const int MaxChartedSeries = 12;

    public static IResult Render(HttpContext http, TelemetryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(repository);
        var services = repository.ServiceNames;
        var resource = TelemetryFilters.Value(http.Request, "resource") ?? (services.Count > 0 ? services[0] : null);
        var meter = TelemetryFilters.Value(http.Request, "meter");
        var name = TelemetryFilters.Value(http.Request, "instrument");
        var filters = http.Request.Query["filter"].Select(TelemetryFilters.SplitAttribute).Where(f => f.Name is not null).ToList();

        var body = new StringBuilder();
        body.Append($"""
            <form class="filters" method="get" action="{Path}" aria-label="Choose a resource">
            {TelemetryMarkup.ResourceSelect([.. services.Select(s => new TelemetrySource(s, s))], resource, allowAll: false)}
            <button type="submit">Show</button>
            </form>
            """);
        if (resource is null)
        {
            body.Append("""<p class="muted">No resource has sent metrics yet.</p>""");
            return DashboardLayout.Page(http, "Metrics", Path, body.ToString());
        }

        var instruments = repository.GetInstruments(resource);
        body.Append(Tree(resource, instruments, meter, name));
        var selected = meter is null || name is null ? null : repository.GetInstrument(resource, meter, name);
        body.Append(selected is null
            ? $"""<p class="muted">{(instruments.Count == 0 ? $"{E(resource)} has sent no metrics." : "Choose an instrument.")}</p>"""
            : Instrument(resource, selected, filters));
        return DashboardLayout.Page(http, "Metrics", Path, body.ToString());
    }

    private static string Tree(string resource, IReadOnlyList<InstrumentInfo> instruments, string? meter, string? name)
    {
        var meters = instruments.GroupBy(i => i.MeterName).Select(group =>
        {
            var items = string.Concat(group.Select(i =>
            {
                var current = i.MeterName == meter && i.Name == name ? " aria-current=\"true\"" : "";
                return $"""<li><a href="{Link(resource, i.MeterName, i.Name)}"{current}>{E(i.Name)}</a></li>""";
            }));
            return $"<li><details open><summary>{E(group.Key.Length == 0 ? "(no meter name)" : group.Key)}</summary><ul>{items}</ul></details></li>";
        });
        return $"""<nav aria-label="Meters and instruments"><ul class="tree">{string.Concat(meters)}</ul></nav>""";
    }

    private static string Instrument(string resource, InstrumentSnapshot snapshot, List<(string? Name, string? Value)> filters)
    {
        var info = snapshot.Info;
        var series = snapshot.Series
            .Where(s => filters.All(f => f.Value is null ? AttributePair.Find(s.Dimensions, f.Name!) is not null : AttributePair.Contains(s.Dimensions, f.Name!, f.Value)))
            .ToList();
        var content = new StringBuilder();
        content.Append($"""<h2>{E(info.Name)}</h2><p>{E(info.Description)} <span class="muted">{info.Kind}{(string.IsNullOrEmpty(info.Unit) ? "" : ", unit " + E(info.Unit))}, meter {E(info.MeterName)}</span></p>""");
        content.Append(DimensionFilters(resource, snapshot, filters));
        var lines = series.Take(MaxChartedSeries)
            .Select((s, i) => new MetricChart.Line(SeriesLabel(s), MetricChart.Color(i), MetricValues.ChartPoints(info, s.Points)))
            .ToList();
        content.Append(MetricChart.Render($"{info.Name}: {MetricValues.ChartMeaning(info)}", lines));
        content.Append(MetricTable.Render(info, series));
        return DashboardLayout.Live(content.ToString());
    }

    private static string DimensionFilters(string resource, InstrumentSnapshot snapshot, List<(string? Name, string? Value)> filters)
    {
        var keys = snapshot.Series.SelectMany(s => s.Dimensions).GroupBy(d => d.Key).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return "";
        }

        var selects = keys.Select((key, index) =>
        {
            var chosen = filters.FirstOrDefault(f => f.Name == key.Key).Value;
            var options = string.Concat(key.Select(d => d.Value).Distinct().Order(StringComparer.Ordinal).Select(value =>
                $"""<option value="{E(key.Key + "=" + value)}"{(value == chosen ? " selected" : "")}>{E(value)}</option>"""));
            return $"""<label for="filter-{index}">{E(key.Key)}<select id="filter-{index}" name="filter"><option value="">Any</option>{options}</select></label>""";
        });
        return $"""
            <form class="filters" method="get" action="{Path}" aria-label="Filter by dimension">
            <input type="hidden" name="resource" value="{E(resource)}"><input type="hidden" name="meter" value="{E(snapshot.Info.MeterName)}"><input type="hidden" name="instrument" value="{E(snapshot.Info.Name)}">
            {string.Concat(selects)}<button type="submit">Filter</button>
            </form>
            """;
    }

    internal static string SeriesLabel(MetricSeriesSnapshot series)
    {
        var dimensions = string.Join(", ", series.Dimensions.Select(d => $"{d.Key}={d.Value}"));
        return dimensions.Length == 0 ? series.InstanceId : $"{series.InstanceId}: {dimensions}";
    }

    private static string Link(string resource, string meter, string instrument) =>
        $"{Path}?resource={U(resource)}&amp;meter={U(meter)}&amp;instrument={U(instrument)}";
}
