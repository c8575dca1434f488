using System.Globalization;
using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.EventStreams;

/// <summary><c>/events</c> and <c>GET /api/events</c>: the newest events of every service, newest first.</summary>
public static class LatestEventsPage
{
    public static async Task<IResult> Page(HttpContext http, EventStoreReaders readers, string? service, string? q)
    {
        var reads = await ReadAsync(readers, service, q, LatestEvents.DefaultLimit, http.RequestAborted);
        var body = Filters(readers, service, q)
            + """<p><a href="/events/subscriptions">Subscriptions</a> · <a href="/events/deadletters">Dead letters</a></p>"""
            + DashboardLayout.Live(reads.Count == 0 ? NoSources(readers, service) : string.Concat(reads.Select(Section)));
        return DashboardLayout.Page(http, "Event streams", "/events", body);
    }

    public static async Task<IResult> Api(HttpContext http, EventStoreReaders readers, string? service, string? q, int? limit)
    {
        if (service is not null && readers.Find(service) is null)
        {
            return DashboardJson.NotFound("Unknown service", $"No event store is configured for '{service}'.");
        }

        var reads = await ReadAsync(readers, service, q, limit ?? LatestEvents.DefaultLimit, http.RequestAborted);
        return DashboardJson.Ok(new
        {
            Services = reads.Select(read => new { Service = read.ServiceName, read.State, read.Problem, Events = read.Value ?? [] }),
        });
    }

    private static async Task<IReadOnlyList<StoreRead<IReadOnlyList<EventSummary>>>> ReadAsync(
        EventStoreReaders readers, string? service, string? search, int limit, CancellationToken cancellationToken)
    {
        var chosen = readers.All.Where(reader => string.IsNullOrEmpty(service) || reader.ServiceName == service);
        return await Task.WhenAll(chosen.Select(reader =>
            reader.ReadAsync((connection, token) => LatestEvents.ReadAsync(connection, search, limit, token), cancellationToken)));
    }

    private static string Filters(EventStoreReaders readers, string? service, string? q)
    {
        var options = string.Concat(readers.All.Select(reader =>
            $"""<option value="{E(reader.ServiceName)}"{(reader.ServiceName == service ? " selected" : "")}>{E(reader.ServiceName)}</option>"""));
        return $"""
            <form class="filters" method="get" action="/events" role="search">
            <label for="service">Service<select id="service" name="service"><option value="">All services</option>{options}</select></label>
            <label for="q">Type or stream id contains<input id="q" name="q" type="search" value="{E(q)}"></label>
            <button type="submit">Filter</button>
            </form>
            """;
    }

    private static string NoSources(EventStoreReaders readers, string? service) => readers.All.Count == 0
        ? """<p class="muted">No event stores are configured.</p>"""
        : $"""<p class="muted">No event store is configured for {E(service)}.</p>""";

    private static string Section(StoreRead<IReadOnlyList<EventSummary>> read)
    {
        var heading = $"<h2>{E(read.ServiceName)}</h2>";
        if (!read.IsReady)
        {
            return $"<section>{heading}{EventLinks.Problem(read)}</section>";
        }

        var events = read.Value!;
        if (events.Count == 0)
        {
            return $"""<section>{heading}<p class="muted">No events.</p></section>""";
        }

        var rows = events.Select(e => "<tr>"
            + $"""<td class="num">{e.Sequence.ToString(CultureInfo.InvariantCulture)}</td>"""
            + $"<td>{EventLinks.Time(e.Timestamp)}</td>"
            + $"<td>{EventLinks.Stream(read.ServiceName, e.StreamId)}</td>"
            + $"""<td class="num">{e.Version.ToString(CultureInfo.InvariantCulture)}</td>"""
            + $"<td>{E(e.Type)}</td>"
            + $"<td>{E(e.TenantId)}</td>"
            + $"<td>{E(e.Actor)}</td>"
            + $"<td>{EventLinks.Trace(e.TraceParent)}</td>"
            + "</tr>");
        var table = DashboardLayout.Table(["Sequence", "Time (UTC)", "Stream", "Version", "Type", "Tenant", "Actor", "Trace"], rows,
            $"Latest {events.Count.ToString(CultureInfo.InvariantCulture)} events of {read.ServiceName}, newest first");
        return $"<section>{heading}{table}</section>";
    }
}
