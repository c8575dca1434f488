using System.Globalization;
using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.DeadLetters;

/// <summary><c>/events/deadletters</c> and its API: the error and skipped queues, their messages, and Redeliver.</summary>
public static class DeadLettersPage
{
    public static async Task<IResult> Page(HttpContext http, DeadLetterQueues deadLetters)
    {
        var listing = await deadLetters.ListAsync(http.RequestAborted);
        var body = """<p><a href="/events">← Latest events</a></p>"""
            + """<p class="muted">A message that failed every retry is in &lt;queue&gt;_error; one no consumer took is in &lt;queue&gt;_skipped. Redeliver moves that one message back to its original queue.</p>"""
            + """<p id="command-status" role="status" aria-live="polite"></p>"""
            + DashboardLayout.Live(Render(listing), intervalMs: 5000);
        return DashboardLayout.Page(http, "Dead letters", "/events", body);
    }

    public static async Task<IResult> Api(HttpContext http, DeadLetterQueues deadLetters)
    {
        var listing = await deadLetters.ListAsync(http.RequestAborted);
        return EventStreams.DashboardJson.Ok(listing);
    }

    public static async Task<IResult> Redeliver(HttpContext http, DeadLetterQueues deadLetters, string queue, string messageId) =>
        await deadLetters.RedeliverAsync(queue, messageId, http.RequestAborted) switch
        {
            RedeliveryOutcome.Redelivered => EventStreams.DashboardJson.Ok(new { Queue = queue, MessageId = messageId, RedeliveredTo = DeadLetterQueueName.OriginalQueueOf(queue) }),
            RedeliveryOutcome.OriginalQueueMissing => Results.Problem(
                title: "Original queue missing",
                detail: $"The queue '{DeadLetterQueueName.OriginalQueueOf(queue)}' does not exist; the message stays in '{queue}'.",
                statusCode: StatusCodes.Status409Conflict),
            RedeliveryOutcome.BrokerUnavailable => Results.Problem(
                title: "Broker unavailable", detail: "The broker could not be reached; nothing was moved.", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => EventStreams.DashboardJson.NotFound("Message not found", $"No message '{messageId}' is in the dead-letter queue '{queue}'."),
        };

    private static string Render(DeadLetterListing listing)
    {
        if (listing.Problem is not null)
        {
            return $"""<p class="level-Warning">{E(listing.Problem)}</p>""";
        }

        if (listing.Queues.Count == 0)
        {
            return """<p class="muted">No dead-letter queues: nothing has failed.</p>""";
        }

        var summary = DashboardLayout.Table(["Queue", "Kind", "Original queue", "Messages"], listing.Queues.Select(queue => "<tr>"
            + $"""<td><a href="#queue-{E(queue.Name)}">{E(queue.Name)}</a></td><td>{E(queue.Kind)}</td><td>{E(queue.OriginalQueue)}</td>"""
            + $"""<td class="num">{queue.MessageCount.ToString(CultureInfo.InvariantCulture)}</td></tr>"""), "Dead-letter queues");
        return summary + string.Concat(listing.Queues.Select(Queue));
    }

    private static string Queue(DeadLetterQueueContents queue)
    {
        var heading = $"""<h2 id="queue-{E(queue.Name)}">{E(queue.Name)} ({queue.MessageCount.ToString(CultureInfo.InvariantCulture)})</h2>""";
        if (queue.Messages.Count == 0)
        {
            return $"""<section>{heading}<p class="muted">Empty.</p></section>""";
        }

        var rows = queue.Messages.Select(message => "<tr>"
            + $"<td><code>{E(message.MessageId)}</code></td>"
            + $"<td>{E(ShortType(message.MessageType))}</td>"
            + $"<td>{E(message.FaultMessage ?? message.Reason)}<br><span class=\"muted\">{E(message.ExceptionType)}</span></td>"
            + $"<td>{E(Time(message.Time))}</td>"
            + $"""<td><details><summary>{message.BodyBytes.ToString(CultureInfo.InvariantCulture)} bytes</summary><pre>{E(message.BodyPreview)}</pre></details></td>"""
            + $"""<td><button type="button" data-command="{E(RedeliverPath(queue.Name, message.MessageId))}" aria-label="Redeliver {E(message.MessageId)} to {E(queue.OriginalQueue)}">Redeliver</button></td>"""
            + "</tr>");
        var more = queue.Truncated
            ? $"""<p class="muted">Showing the first {queue.Messages.Count.ToString(CultureInfo.InvariantCulture)} of {queue.MessageCount.ToString(CultureInfo.InvariantCulture)}.</p>"""
            : "";
        return $"<section>{heading}{DashboardLayout.Table(["Message id", "Message type", "Fault", "Time (UTC)", "Body", "Action"], rows, $"Messages in {queue.Name}")}{more}</section>";
    }

    public static string RedeliverPath(string queue, string messageId) => $"/api/deadletters/{U(queue)}/messages/{U(messageId)}/redeliver";

    /// <summary>MassTransit names types as urn:message:Namespace:Type; the namespace is noise on this page.</summary>
    private static string? ShortType(string? messageType) =>
        messageType is null ? null : messageType[(messageType.LastIndexOf(':') + 1)..];
}
