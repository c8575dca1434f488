using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.EventStreams;

/// <summary><c>/events/{service}/streams/{streamId}</c> and its API: a stream's row and every event with data and metadata.</summary>
public static class StreamHistoryPage
{
    // Encoding for HTML happens afterwards, so the JSON itself may keep every character as it is.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IResult> Page(HttpContext http, EventStoreReaders readers, string service, string streamId)
    {
        var title = $"Stream {streamId}";
        if (readers.Find(service) is not { } reader)
        {
            return NotFoundPage(http, title, $"No event store is configured for {service}.");
        }

        var read = await reader.ReadAsync((connection, token) => StreamHistory.ReadAsync(connection, streamId, token), http.RequestAborted);
        if (!read.IsReady)
        {
            return DashboardLayout.Page(http, title, "/events", Back(service) + EventLinks.Problem(read));
        }

        if (read.Value is not { } history)
        {
            return NotFoundPage(http, title, $"{service} has no stream {streamId}.");
        }

        return DashboardLayout.Page(http, title, "/events", Back(service) + DashboardLayout.Live(Render(service, history), intervalMs: 5000));
    }

    public static async Task<IResult> Api(HttpContext http, EventStoreReaders readers, string service, string streamId)
    {
        if (readers.Find(service) is not { } reader)
        {
            return DashboardJson.NotFound("Unknown service", $"No event store is configured for '{service}'.");
        }

        var read = await reader.ReadAsync((connection, token) => StreamHistory.ReadAsync(connection, streamId, token), http.RequestAborted);
        if (read.IsReady && read.Value is null)
        {
            return DashboardJson.NotFound("Unknown stream", $"{service} has no stream '{streamId}'.");
        }

        return DashboardJson.Ok(new
        {
            Service = service,
            read.State,
            read.Problem,
            read.Value?.Stream,
            Events = read.Value?.Events ?? [],
            Truncated = read.Value?.Truncated ?? false,
        });
    }

    private static IResult NotFoundPage(HttpContext http, string title, string message) =>
        DashboardLayout.Page(http, title, "/events", $"""{Back(null)}<p>{E(message)}</p>""", StatusCodes.Status404NotFound);

    private static string Back(string? service) =>
        $"""<p><a href="/events{(service is null ? "" : $"?service={E(U(service))}")}">← Latest events</a></p>""";

    private static string Render(string service, StreamHistoryResult history)
    {
        var stream = history.Stream;
        var facts = DashboardLayout.Table(["Service", "Type", "Version", "Tenant", "Created (UTC)", "Archived"], [
            "<tr>"
            + $"<td>{E(service)}</td>"
            + $"<td>{E(stream.Type ?? "(none)")}</td>"
            + $"""<td class="num">{stream.Version.ToString(CultureInfo.InvariantCulture)}</td>"""
            + $"<td>{E(stream.TenantId ?? "(none)")}</td>"
            + $"<td>{EventLinks.Time(stream.Created)}</td>"
            + $"<td>{(stream.Archived ? "yes" : "no")}</td>"
            + "</tr>"], "The stream");

        var truncated = history.Truncated
            ? $"""<p class="muted">Showing the first {StreamHistory.MaxEvents.ToString(CultureInfo.InvariantCulture)} events; the JSON API has the same limit.</p>"""
            : "";
        return facts + truncated + $"<h2>Events ({history.Events.Count.ToString(CultureInfo.InvariantCulture)})</h2>" + string.Concat(history.Events.Select(Event));
    }

    private static string Event(StreamEvent e) => $"""
        <article class="event" aria-labelledby="event-{e.Version.ToString(CultureInfo.InvariantCulture)}">
        <h3 id="event-{e.Version.ToString(CultureInfo.InvariantCulture)}">Version {e.Version.ToString(CultureInfo.InvariantCulture)} · {E(e.Type)}</h3>
        {DashboardLayout.Table(["Sequence", "Time (UTC)", "Event id", "Correlation id", "Causation id", "Tenant", "Actor", "Trace"], [
            "<tr>"
            + $"""<td class="num">{e.Sequence.ToString(CultureInfo.InvariantCulture)}</td>"""
            + $"<td>{EventLinks.Time(e.Timestamp)}</td>"
            + $"<td><code>{E(e.Id.ToString())}</code></td>"
            + $"<td>{E(e.CorrelationId)}</td>"
            + $"<td>{E(e.CausationId)}</td>"
            + $"<td>{E(e.TenantId)}</td>"
            + $"<td>{E(e.Actor)}</td>"
            + $"<td>{EventLinks.Trace(e.TraceParent)}</td>"
            + "</tr>"])}
        <p class="muted">traceparent: <code>{E(e.TraceParent ?? "(none)")}</code></p>
        <pre aria-label="Data of version {e.Version.ToString(CultureInfo.InvariantCulture)}">{E(JsonSerializer.Serialize(e.Data, Pretty))}</pre>
        </article>
        """;
}
