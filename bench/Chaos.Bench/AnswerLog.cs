using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Outreach.Chaos.Bench;

/// <summary>One workload operation's last answer, stamped on the phase's clock (seconds).</summary>
internal readonly record struct Answer(double StartedAt, double EndedAt, RouteKind Kind, int Status, bool ProblemBody);

/// <summary>
/// Every operation of a phase as its client saw it, with when it ended, so the suite can tell when answers were
/// normal again after a fault. Per-route statuses and latencies are in the load harness's <see cref="Recorder"/>.
/// </summary>
internal sealed class AnswerLog
{
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _harnessErrors;

    public double Now => _clock.Elapsed.TotalSeconds;

    public IReadOnlyList<Answer> Answers => [.. _answers];

    /// <summary>Exceptions the workload itself threw (not answers); expected 0.</summary>
    public int HarnessErrors => Volatile.Read(ref _harnessErrors);

    public async Task RunAsync(RouteKind kind, Func<Task<Outcome>> operation)
    {
        var started = Now;
        Outcome outcome;
        try
        {
            outcome = await operation();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A setup step inside an operation (e.g. the reactivation's direct database write) failed under the fault.
            Interlocked.Increment(ref _harnessErrors);
            return;
        }
        _answers.Enqueue(new Answer(started, Now, kind, outcome.Status, IsProblem(outcome.Body)));
    }

    /// <summary>
    /// An RFC 9457 body as the client reads it: a JSON object with its <c>title</c> and <c>status</c> members, the
    /// status matching the answer's. (The harness's client keeps the parsed body, not the media type.)
    /// </summary>
    public static bool IsProblem(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
        && body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number;
}
