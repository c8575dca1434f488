using System.Globalization;

namespace Outreach.Load.Bench;

/// <summary>The mixed run's figures.</summary>
internal sealed record MixedResult(
    double Seconds, double CommandRateTarget, double CommandRate, double ReadRateTarget, double ReadRate, long HeldBack,
    List<RouteResult> Routes, List<PropagationResult> Propagation, int UnexpectedErrors, List<ProcessResult> Processes, List<LagResult> Lag,
    List<FailoverResult> Failovers);

/// <summary>
/// The realistic mix: commands and reads arriving at their own rates over every account (spread evenly at random),
/// the propagation probes beside them, /proc and subscription lag sampled throughout, and a live line every 2 s.
/// </summary>
internal static class Mixed
{
    /// <summary>The documented refusals under load: 409 (a conflicting write) and 429 (a limit).</summary>
    public static readonly int[] Expected = [409, 429];
    private static readonly string[] Databases = ["seatsdb", "identitiesdb", "invitationsdb"];

    public static async Task<MixedResult> RunAsync(LoadSystem system, IReadOnlyList<Tenant> tenants, Propagation propagation, LoadOptions options, int seconds, string label,
        int killAt = 0)
    {
        var recorder = new Recorder();
        var operations = new Operations(system, recorder, reactivateLive: true);
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
        var commandLoop = new OpenLoop(options.CommandRate, 512, () => commands.Pick()(Any()));
        var readLoop = new OpenLoop(options.ReadRate, 512, () => reads.Pick()(Any()));
        var sampler = new ProcSampler(system.Processes);
        var lag = new LagSampler([.. Databases.Select(d => (d, system.ConnectionString(d)))]);

        using var stop = new CancellationTokenSource();
        var background = Task.WhenAll(sampler.RunAsync(stop.Token), lag.RunAsync(stop.Token), propagation.RunAsync(stop.Token));
        var failovers = killAt > 0 ? Failover.RunAsync(system, options.Replicas, TimeSpan.FromSeconds(killAt), stop.Token) : Task.FromResult(new List<FailoverResult>());
        var live = LiveLineAsync(recorder, commandLoop, readLoop, seconds, label, stop.Token);
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(commandLoop.RunAsync(duration, CancellationToken.None), readLoop.RunAsync(duration, CancellationToken.None));
        recorder.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(background, live, failovers);
        await operations.SettleAsync();

        var routes = recorder.Results();
        var unexpected = routes.Sum(r => r.Errors.Where(e => !Expected.Contains(int.Parse(e.Key, CultureInfo.InvariantCulture))).Sum(e => e.Value));
        var commandCount = routes.Where(r => r.Kind == RouteKind.Command).Sum(r => r.Requests);
        var readCount = routes.Where(r => r.Kind == RouteKind.Read && r.Route != Operations.Profile).Sum(r => r.Requests);
        return new MixedResult(recorder.Seconds, options.CommandRate, commandCount / recorder.Seconds, options.ReadRate, readCount / recorder.Seconds,
            commandLoop.HeldBack + readLoop.HeldBack, routes, [.. propagation.Series.Values.Select(s => s.Result())], unexpected, sampler.Results(), lag.Results(), await failovers);
    }

    private static async Task LiveLineAsync(Recorder recorder, OpenLoop commands, OpenLoop reads, int seconds, string label, CancellationToken stop)
    {
        var started = DateTime.UtcNow;
        var unexpected = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(2000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var window = recorder.TakeWindow();
            unexpected += window.Count(w => w.Status is < 200 or >= 300 && !Expected.Contains(w.Status));
            string Kind(RouteKind kind)
            {
                var ms = window.Where(w => w.Kind == kind).Select(w => w.Ms).Order().ToList();
                return $"{ms.Count / 2.0,5:0}/s p50 {Stats.Percentile(ms, 50),6:0.0} p99 {Stats.Percentile(ms, 99),6:0.0} ms";
            }
            Console.WriteLine($"   [{label} {(DateTime.UtcNow - started).TotalSeconds,4:0}/{seconds} s] commands {Kind(RouteKind.Command)} | reads {Kind(RouteKind.Read)} "
                + $"| in flight {commands.InFlight + reads.InFlight} | held back {commands.HeldBack + reads.HeldBack} | unexpected errors {unexpected}");
        }
    }
}
