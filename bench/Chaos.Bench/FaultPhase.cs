using System.Diagnostics;
using System.Globalization;

namespace Outreach.Chaos.Bench;

/// <summary>One fault's figures. Times are seconds after the fault was over (NaN: did not happen within the patience).</summary>
internal sealed record FaultResult(
    string Fault, string What, string Note, double CommandRate, double ReadRate, int LoadSeconds,
    long Commands, long Accepted, long Events, long DeliveriesOwed, long DeliveriesObserved, long DeliveriesLost, Dictionary<string, long> LostByConsumer,
    int StateGaps, int Duplicated, long? Backlog,
    double HealthyAfter, double AnswersNormalAfter, double CaughtUpAfter, double RecoverySeconds,
    Dictionary<string, int> Statuses, Dictionary<string, int> HangsByRoute, double LongestMs, string LongestRoute, int Flagged500s, int FlaggedNotProblem, int FlaggedHangs, int Refused, int HarnessErrors,
    List<string> Examples, List<string> ErrorSamples)
{
    public bool Clean => DeliveriesLost == 0 && StateGaps == 0 && Duplicated == 0 && Flagged500s == 0 && FlaggedNotProblem == 0 && FlaggedHangs == 0
        && !double.IsNaN(RecoverySeconds);
}

/// <summary>
/// Runs the load harness's mixed workload for one phase, makes the fault after the warm-up, times the recovery, then
/// stops the load and counts: accepted commands, deliveries owed and made in every consumer, the consistency check's
/// gaps and duplicates (as a change from the last phase: its state is the system's whole life), answers by status.
/// </summary>
internal sealed class FaultPhase(LoadSystem system, IReadOnlyList<Tenant> tenants, ChaosOptions options, Deliveries deliveries)
{
    /// <summary>How long the suite waits for deliveries that keep arriving before it counts what is left as lost.</summary>
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>
    /// The README's promise: every request is answered within 10 s (an 8 s request deadline, and a backstop at 9 s for
    /// work that does not stop, such as Npgsql's on a frozen server). A request is flagged as a hang past that plus 1 s for the client's own
    /// scheduling on a busy 2-core machine, or when the client gave up at its 30 s timeout (status 0).
    /// </summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(11);
    private ConsistencyResult? _lastConsistency;

    public async Task<FaultResult> RunAsync(ChaosFault? fault, string name, string what, int loadSeconds)
    {
        var recorder = new Recorder();
        var operations = new Operations(system, recorder, reactivateLive: true);
        var answers = new AnswerLog();
        Tenant Any() => tenants[Random.Shared.Next(tenants.Count)];
        var commands = new WeightedChoice<Func<Tenant, Task<Outcome>>>(
        [
            (20, operations.AddAsync), (15, operations.SuspendAsync), (15, operations.UnsuspendAsync), (15, operations.CreateIdentityAsync),
            (15, operations.LoginAsync), (12, operations.InviteAsync), (8, operations.BatchAsync),
        ]);
        var reads = new WeightedChoice<Func<Tenant, Task<Outcome>>>(
        [
            (35, operations.UserListAsync), (25, operations.ListIdentitiesAsync), (20, operations.ListInvitationsAsync), (20, operations.ListSentAsync),
        ]);
        var commandLoop = new OpenLoop(options.CommandRate, 512, () => answers.RunAsync(RouteKind.Command, () => commands.Pick()(Any())));
        var readLoop = new OpenLoop(options.ReadRate, 512, () => answers.RunAsync(RouteKind.Read, () => reads.Pick()(Any())));

        var before = await deliveries.MarkAsync();
        Console.WriteLine($"== {name}: {what}; {options.CommandRate:0} commands/s and {options.ReadRate:0} reads/s for {loadSeconds} s");
        var duration = TimeSpan.FromSeconds(loadSeconds);
        var load = Task.WhenAll(commandLoop.RunAsync(duration, CancellationToken.None), readLoop.RunAsync(duration, CancellationToken.None));
        using var stopLive = new CancellationTokenSource();
        var live = LiveAsync(answers, loadSeconds, stopLive.Token);

        FaultWindow? window = null;
        Task<double> caughtUp = Task.FromResult(double.NaN);
        if (fault is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.WarmSeconds));
            window = await fault.MakeAsync(new FaultContext(system, options, () => answers.Now, deliveries));
            // Everything committed before the fault was over must reach every consumer: time until it has.
            var atOver = await deliveries.MarkAsync();
            caughtUp = CaughtUpAsync(before, atOver, answers);
        }

        await load;
        await stopLive.CancelAsync();
        await live;
        try
        {
            await operations.SettleAsync();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            Console.WriteLine($"   a reactivation failed under the fault ({exception.GetType().Name}); its seat leaves the pools");
        }
        recorder.Stop();

        Console.WriteLine("   load over; waiting for every consumer to handle what the phase committed…");
        var after = await deliveries.MarkAsync();
        await deliveries.LearnConsumersAsync();
        var counted = await SettledCountAsync(before, after);
        var consistency = await Consistency.CheckAsync(system);
        var stateGaps = consistency.Lost - (_lastConsistency?.Lost ?? 0);
        var duplicated = consistency.Duplicated - (_lastConsistency?.Duplicated ?? 0);
        _lastConsistency = consistency;
        var caughtUpAt = await caughtUp;

        var routes = recorder.Results();
        var commandRoutes = routes.Where(r => r.Kind == RouteKind.Command).ToList();
        var commandCount = commandRoutes.Sum(r => (long)r.Requests);
        var accepted = commandRoutes.Sum(r => (long)(r.Requests - r.Errors.Values.Sum()));
        var statuses = new SortedDictionary<int, int>();
        var longest = (Ms: 0.0, Route: "");
        var hangsByRoute = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var series in recorder.Routes)
        {
            var (sorted, byStatus) = series.Snapshot();
            foreach (var (status, count) in byStatus)
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            var hangs = sorted.Count(ms => ms > HangAfter.TotalMilliseconds);
            if (hangs > 0)
                hangsByRoute[series.Route] = hangs;
            if (sorted.Count > 0 && sorted[^1] > longest.Ms)
                longest = (sorted[^1], series.Route);
        }
        var all = answers.Answers;
        var over = window?.OverAt ?? 0;
        var lastBad = all.Where(a => !IsNormal(a.Status)).Select(a => a.EndedAt).DefaultIfEmpty(over).Max();
        var healthyAfter = window switch
        {
            null => 0,
            { HealthyAt: { } healthy } => Math.Max(0, healthy - over),
            // The sandbox stays up throughout; only its answers are faulty.
            _ when fault!.Group == "sandbox" => 0,
            _ => double.NaN,
        };
        // The control has no fault to recover from; its refusals are in the statuses.
        var answersNormal = fault is null ? 0 : Math.Max(0, lastBad - over);
        var caughtUpAfter = fault is null ? 0 : Math.Max(0, caughtUpAt - over);
        var recovery = fault is null ? 0 : new[] { healthyAfter, answersNormal, caughtUpAfter }.Max();

        var result = new FaultResult(name, what, window?.Note ?? "", options.CommandRate, options.ReadRate, loadSeconds,
            commandCount, accepted, counted.Events, counted.Expected, counted.Handled, counted.Missing, counted.MissingByConsumer,
            stateGaps, duplicated, window?.Backlog,
            healthyAfter, answersNormal, caughtUpAfter, recovery,
            statuses.ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value), new Dictionary<string, int>(hangsByRoute), longest.Ms, longest.Route,
            statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value),
            all.Count(a => a.Status > 0 && a.Status is < 200 or >= 300 && !a.ProblemBody),
            // A hang: a request answered later than the documented bound, or given up on by the client (status 0, at 30 s).
            hangsByRoute.Values.Sum(),
            statuses.GetValueOrDefault(-1), answers.HarnessErrors,
            [.. counted.Examples, .. consistency.Examples.Take(5)], [.. routes.SelectMany(r => r.ErrorSamples.Select(s => $"{r.Route} {s}")).Take(8)]);
        Console.WriteLine($"   {name}: accepted {accepted:N0} of {commandCount:N0} commands; deliveries {counted.Handled:N0}/{counted.Expected:N0} ({counted.Missing} lost); "
            + $"state gaps {stateGaps}, duplicated {duplicated}; recovered in {recovery:0.0} s; statuses {string.Join(", ", result.Statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        return result;
    }

    /// <summary>Answers as without a fault: 2xx, 409 (a conflicting write) and 429 (a limit). A 503 is right during a fault, not after it.</summary>
    private static bool IsNormal(int status) => status is >= 200 and < 300 or 409 or 429;

    /// <summary>The phase-clock time at which every delivery owed for events up to <paramref name="to"/> was made (NaN: not within the patience).</summary>
    private async Task<double> CaughtUpAsync(LogMark from, LogMark to, AnswerLog clock)
    {
        var patience = Stopwatch.StartNew();
        while (patience.Elapsed < Patience)
        {
            var count = await deliveries.CountAsync(from, to);
            if (count.Missing == 0)
                return clock.Now;
            await Task.Delay(1000);
        }
        return double.NaN;
    }

    /// <summary>Counts until every delivery is made, or until none has been made for a minute (what is left is lost), at most four minutes.</summary>
    private async Task<DeliveryCount> SettledCountAsync(LogMark from, LogMark to)
    {
        var patience = Stopwatch.StartNew();
        var best = long.MaxValue;
        var lastProgress = Stopwatch.StartNew();
        while (true)
        {
            var count = await deliveries.CountAsync(from, to);
            if (count.Missing == 0 || patience.Elapsed > Patience)
                return count;
            if (count.Missing < best)
            {
                best = count.Missing;
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > NoProgress)
                return count;
            await Task.Delay(2000);
        }
    }

    private static async Task LiveAsync(AnswerLog answers, int seconds, CancellationToken stop)
    {
        var seen = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(5000, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var all = answers.Answers;
            var window = all.Skip(seen).ToList();
            seen = all.Count;
            var byStatus = window.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
            Console.WriteLine($"   [{answers.Now,4:0}/{seconds} s] {window.Count / 5.0,5:0.0} answers/s; {string.Join(", ", byStatus)}");
        }
    }
}
