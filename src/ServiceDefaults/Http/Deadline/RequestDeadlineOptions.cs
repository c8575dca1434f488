namespace Outreach.ServiceDefaults.Http.Deadline;

/// <summary>
/// How long one request may take in a service (section "RequestDeadline"), from the moment it arrives, its wait for
/// admission included. Past it the request's token is cancelled: a database query or an outbound call still waiting
/// stops, and the client gets 503 problem+json with retry-after instead of waiting on a database or a service that
/// does not answer. When the database server itself hangs, Npgsql ends a cancelled query only after its cancel request
/// has timed out (2 s by default, see NpgsqlDataSourceExtensions), so with the default 8 s a client has its answer
/// within 10 s (README, "Deadlines").
/// </summary>
public sealed class RequestDeadlineOptions
{
    public const string SectionName = "RequestDeadline";

    public int TimeoutMs { get; set; } = 8_000;

    /// <summary>
    /// When a request is answered 503 even though its work has not returned (see DeadlineBackstopMiddleware): past the
    /// deadline, the time the work's own cancellation normally needs (milliseconds), within the README's 10 s.
    /// </summary>
    public int AnswerWithinMs { get; set; } = 9_500;
    public int RetryAfterSeconds { get; set; } = 1;
}
