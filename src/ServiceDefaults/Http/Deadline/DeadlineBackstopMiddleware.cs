using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Http.Deadline;

/// <summary>
/// The README's promise that every request is answered within 10 s, kept even when the work behind the request does
/// not stop when its token is cancelled. The deadline (<see cref="RequestDeadlineOptions.TimeoutMs"/>) cancels the
/// request's token and normally answers at once. But a database server that hangs keeps its sockets open, and Npgsql then
/// drops a cancelled query only at its command timeout plus its cancel request (up to 7 s after the query began; the
/// token itself changes nothing), so a query begun just before the deadline would hold the answer until 15 s.
/// Past <see cref="RequestDeadlineOptions.AnswerWithinMs"/> this answers 503 itself, on the connection's own response,
/// and hands the request's work a response that has already started, so nothing it writes later reaches the client.
/// The work still runs to its end: the request's services and context stay alive until it returns.
/// </summary>
/// <remarks>
/// The answer closes the connection: HTTP/1.1 serves one request at a time per connection, so a client that reused it
/// would wait behind the work that is still running. Unlike the deadline's own 503, this one cannot say that nothing was
/// done (a commit may be what hangs), so its detail says to send a command again only with its Idempotency-Key.
/// </remarks>
public sealed partial class DeadlineBackstopMiddleware(RequestDelegate next, IOptions<RequestDeadlineOptions> options,
    IProblemDetailsService problems, ILogger<DeadlineBackstopMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        // Taken before the deadline replaces it with its own token, which it cancels at the deadline.
        var clientGone = context.RequestAborted;
        var work = next(context);
        if (work.IsCompleted)
        {
            await work;
            return;
        }

        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        var answerBy = Task.Delay(TimeSpan.FromMilliseconds(Math.Max(settings.AnswerWithinMs, settings.TimeoutMs)), backstop.Token);
        if (await Task.WhenAny(work, answerBy) == work || answerBy.IsCanceled)
        {
            // Done in time, or its client went away: nobody to answer.
            await backstop.CancelAsync();
            await work;
            return;
        }

        var response = context.Features.GetRequiredFeature<IHttpResponseFeature>();
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        if (response.HasStarted)
        {
            // The work is writing its own answer; let it finish.
            await work;
            return;
        }

        var answer = new FeatureCollection(context.Features);
        answer.Set(response);
        answer.Set(body);
        context.Features.Set<IHttpResponseFeature>(new AlreadyAnswered(response));
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        LogBackstop(logger, context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)", settings.AnswerWithinMs);
        await AnswerAsync(new DefaultHttpContext(answer), settings);
        await body.CompleteAsync();

        try
        {
            await work;
        }
        catch (Exception e)
        {
            // Its client has its answer; what the work ran into afterwards is for the log only.
            LogLateFailure(logger, e, context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)");
        }
    }

    private async Task AnswerAsync(HttpContext answer, RequestDeadlineOptions settings)
    {
        var problem = ServiceUnavailable.Prepare(answer, settings.RetryAfterSeconds,
            string.Create(CultureInfo.InvariantCulture, $"The request did not finish within {settings.AnswerWithinMs / 1000.0:0.#} s: ")
            + "something behind it (usually the database) is not answering. A command may still take effect; send it again "
            + "with the same Idempotency-Key, or check before sending it again without one.");
        answer.Response.Headers.Connection = "close";
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = answer, ProblemDetails = problem }))
        {
            answer.Response.ContentType = "application/problem+json";
            await answer.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }

    /// <summary>What the request's work sees once it has been answered: a response that has started, whose changes go nowhere.</summary>
    private sealed class AlreadyAnswered(IHttpResponseFeature answered) : IHttpResponseFeature
    {
        public int StatusCode { get => StatusCodes.Status503ServiceUnavailable; set { } }

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted => true;

        public void OnStarting(Func<object, Task> callback, object state)
        {
        }

        // Clean-up registered by the work still runs, when the connection's response completes.
        public void OnCompleted(Func<object, Task> callback, object state) => answered.OnCompleted(callback, state);
    }

    // The endpoint's route pattern, not the path: a path may carry a connect-link token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Endpoint} still running {AnswerWithinMs} ms after it arrived, past its cancelled deadline; answered 503 without it")]
    private static partial void LogBackstop(ILogger logger, string method, string endpoint, int answerWithinMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Endpoint} ended with an error after its client was answered")]
    private static partial void LogLateFailure(ILogger logger, Exception exception, string method, string endpoint);
}
