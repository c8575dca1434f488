using System.Globalization;
using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.EventStreams;

/// <summary><c>/events/subscriptions</c> and its API: every subscription's checkpoint and lag, per service.</summary>
public static class SubscriptionsPage
{
    public static async Task<IResult> Page(HttpContext http, EventStoreReaders readers)
    {
        var reads = await ReadAsync(readers, http.RequestAborted);
        var now = TimeProvider.System.GetUtcNow();
        var content = reads.Count == 0
            ? """<p class="muted">No event stores are configured.</p>"""
            : string.Concat(reads.Select(read => Section(read, now)));
        var body = """<p><a href="/events">← Latest events</a></p>"""
            + """<p class="muted">Processed through is the global sequence just before the first event after the checkpoint; lag is the head global sequence minus it; unprocessed counts the committed events after the checkpoint.</p>"""
            + DashboardLayout.Live(content);
        return DashboardLayout.Page(http, "Subscriptions", "/events", body);
    }

    public static async Task<IResult> Api(HttpContext http, EventStoreReaders readers)
    {
        var reads = await ReadAsync(readers, http.RequestAborted);
        return DashboardJson.Ok(new
        {
            Services = reads.Select(read => new { Service = read.ServiceName, read.State, read.Problem, Subscriptions = read.Value ?? [] }),
        });
    }

    private static async Task<IReadOnlyList<StoreRead<IReadOnlyList<SubscriptionStatus>>>> ReadAsync(EventStoreReaders readers, CancellationToken cancellationToken) =>
        await Task.WhenAll(readers.All.Select(reader => reader.ReadAsync(SubscriptionLag.ReadAsync, cancellationToken)));

    private static string Section(StoreRead<IReadOnlyList<SubscriptionStatus>> read, DateTimeOffset now)
    {
        var heading = $"<h2>{E(read.ServiceName)}</h2>";
        if (!read.IsReady)
        {
            return $"<section>{heading}{EventLinks.Problem(read)}</section>";
        }

        if (read.Value!.Count == 0)
        {
            return $"""<section>{heading}<p class="muted">No subscription has run against this store yet.</p></section>""";
        }

        var rows = read.Value.Select(s => "<tr>"
            + $"<td>{E(s.Name)}</td>"
            + $"""<td class="num">{Number(s.ProcessedThrough)}</td>"""
            + $"""<td class="num">{Number(s.HeadSequence)}</td>"""
            + $"""<td class="num{(s.Lag > 0 ? " level-Warning" : "")}">{Number(s.Lag)}</td>"""
            + $"""<td class="num">{Number(s.Unprocessed)}{(s.UnprocessedCapped ? "+" : "")}</td>"""
            + $"<td>{(s.OldestUnprocessedAt is { } oldest ? E(Duration(now - oldest)) : "")}</td>"
            + $"<td>{EventLinks.Time(s.UpdatedAt)}</td>"
            + "</tr>");
        var table = DashboardLayout.Table(
            ["Subscription", "Processed through", "Head sequence", "Lag", "Unprocessed", "Oldest unprocessed age", "Checkpoint saved (UTC)"],
            rows, $"Subscriptions of {read.ServiceName}");
        return $"<section>{heading}{table}</section>";
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
