using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.EventStreams;

/// <summary>Links shared by the slice's pages; each returns encoded markup.</summary>
public static class EventLinks
{
    public static string StreamPath(string service, string streamId) => $"/events/{U(service)}/streams/{U(streamId)}";

    public static string Stream(string service, string streamId) =>
        $"""<a href="{E(StreamPath(service, streamId))}">{E(streamId)}</a>""";

    /// <summary>A link to the telemetry slice's trace page, or a dash when the event carries no trace.</summary>
    public static string Trace(string? traceParent) => TraceLink.TraceIdOf(traceParent) is { } traceId
        ? $"""<a href="{E($"/traces/{traceId}")}" title="{E(traceParent)}"><code>{E(traceId[..8])}…</code></a>"""
        : """<span class="muted">none</span>""";

    public static string Time(DateTimeOffset time) =>
        $"""<time datetime="{E(time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture))}">{E(Pages.Html.Time(time))}</time>""";

    /// <summary>What a page says for a store that cannot be read, in words a user understands.</summary>
    public static string Problem<T>(StoreRead<T> read) => read.State switch
    {
        StoreState.NotStarted => $"""<p class="muted">Not started: {E(read.ServiceName)} has not created its event store yet.</p>""",
        _ => $"""<p class="level-Error">Unavailable: {E(read.Problem)}</p>""",
    };
}
