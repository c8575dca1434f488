namespace Outreach.ServiceDefaults.Http.Deadline;

/// <summary>
/// How long one request may take in a service (section "RequestDeadline"), from the moment it arrives, its wait for
/// admission included. Past it the request's token is cancelled: a database query or an outbound call still waiting
/// stops, and the client gets 503 problem+json with retry-after instead of waiting on a database or a service that
/// does not answer. Work that does not stop when cancelled (Npgsql on a database server that hangs) is answered
/// without, at <see cref="AnswerWithinMs"/> (see DeadlineBackstopMiddleware), so a client has its answer within 10 s
/// (README, "Deadlines").
/// </summary>
public sealed class RequestDeadlineOptions
{
    public const string SectionName = "RequestDeadline";

    public int TimeoutMs { get; set; } = 8_000;

    /// <summary>
    /// When a request is answered 503 even though its work has not returned (see DeadlineBackstopMiddleware): past the
    /// deadline, the time the work's own cancellation normally needs (milliseconds), and 1 s short of the README's 10 s:
    /// under a hung database the thread pool is short of threads (Npgsql sends its cancel requests synchronously), and
    /// at 9.5 s the slowest answer of a chaos run still reached its client after 10.7 s.
    /// </summary>
    public int AnswerWithinMs { get; set; } = 9_000;
    public int RetryAfterSeconds { get; set; } = 1;
}
