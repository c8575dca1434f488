using System.Collections.Concurrent;

namespace Outreach.Load.Bench;

/// <summary>One route driven alone at the baselines' concurrency, beside the baseline it is held to.</summary>
internal sealed record SaturationResult(RouteResult Route, string Baseline, double BaselineRate, double Ratio, bool Met);

/// <summary>
/// Each route alone, closed loop at N clients, and the three baselines at the same N: reads are held to the bare
/// endpoint, commands to the raw-INSERT endpoint (goal: at least half of it). Between routes the harness waits for
/// the system to go quiet (queued invitations sent, subscriptions caught up), so no route pays for the last one's
/// background work.
/// </summary>
internal sealed class Saturation(LoadSystem system, IReadOnlyList<Tenant> tenants, LoadOptions options)
{
    public const double Goal = 0.5;
    private TimeSpan Duration => TimeSpan.FromSeconds(options.SaturationSeconds);

    public List<RouteResult> BaselineResults { get; } = [];

    public async Task<List<SaturationResult>> RunAsync()
    {
        await using var baselines = await Baselines.StartAsync(system);
        var bare = await BaselineAsync(Baselines.Bare, () => baselines.Client.GetAsync("/bare", null));
        var insert = await BaselineAsync(Baselines.Insert, () => baselines.Client.PostAsync("/insert", null, new { }));
        await BrokerAsync();

        var results = new List<SaturationResult>();
        async Task Route(string name, Func<Operations, Task<bool>> step)
        {
            await QuietAsync();
            var recorder = new Recorder();
            var operations = new Operations(system, recorder, reactivateLive: false);
            await ClosedLoop.RunAsync(options.Clients, Duration, _ => step(operations));
            recorder.Stop();
            await operations.SettleAsync();
            var route = recorder.Routes.Single(r => r.Route == name);
            var result = Recorder.Result(route, recorder.Seconds);
            var baseline = route.Kind == RouteKind.Read ? bare : insert;
            var ratio = result.Rate / baseline.Rate;
            results.Add(new SaturationResult(result, baseline.Route, baseline.Rate, ratio, ratio >= Goal && result.Errors.Count == 0));
            Console.WriteLine($"   {name}: {result.Rate:0} req/s, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, {ratio:0.00}× {baseline.Route}"
                + (result.Errors.Count > 0 ? $", errors {string.Join(", ", result.Errors.Select(e => $"{e.Key}×{e.Value}"))}" : ""));
        }

        Tenant Any() => tenants[Random.Shared.Next(tenants.Count)];
        await Route(Operations.UserList, async o => (await o.UserListAsync(Any())).Status != 0);
        await Route(Operations.ListIdentities, async o => (await o.ListIdentitiesAsync(Any())).Status != 0);
        await Route(Operations.ListInvitations, async o => (await o.ListInvitationsAsync(Any())).Status != 0);
        await Route(Operations.ListSent, async o => (await o.ListSentAsync(Any())).Status != 0);
        await Route(Operations.Profile, async o => { var t = Any(); return (await o.ProfileAsync(t, t.NextSender(), Setup.NewPerson())).Status != 0; });
        await Route(Operations.Add, async o => (await o.AddAsync(Any())).Status != 0);
        await Route(Operations.CreateIdentity, async o => (await o.CreateIdentityAsync(Any())).Status != 0);
        await Route(Operations.Suspend, async o =>
        {
            var t = tenants.FirstOrDefault(x => !x.Active.IsEmpty);
            return t is not null && (await o.SuspendAsync(t)).Status != 0;
        });
        await Route(Operations.Unsuspend, async o =>
        {
            var t = tenants.FirstOrDefault(x => !x.Suspended.IsEmpty);
            return t is not null && (await o.UnsuspendAsync(t)).Status != 0;
        });

        // Invites: the people are looked up first, off the clock, so the run times the invite alone.
        var people = new ConcurrentQueue<(Tenant Tenant, Sender Sender, string ProviderId)>();
        var lookups = new Operations(system, new Recorder(), reactivateLive: false);
        await Setup.ForEachAsync(options.Clients * options.SaturationSeconds * 25, options.SetupParallel, async _ =>
        {
            var t = Any();
            var sender = t.NextSender();
            var profile = Expect.Status(await lookups.ProfileAsync(t, sender, Setup.NewPerson()), 200, "profile");
            people.Enqueue((t, sender, profile.Text("provider_id")!));
        });
        await Route(Operations.Invite, async o => people.TryDequeue(out var p) && (await o.InviteAsync(p.Tenant, p.Sender, p.ProviderId)).Status != 0);
        var batches = options.Clients * options.SaturationSeconds * 10;
        await Route(Operations.Batch, async o => Interlocked.Decrement(ref batches) >= 0 && (await o.BatchAsync(Any())).Status != 0);
        await Route(Operations.Login, async o =>
        {
            var t = tenants.FirstOrDefault(x => !x.FreshIdentities.IsEmpty);
            return t is not null && (await o.LoginAsync(t)).Status != 0;
        });
        await QuietAsync();
        return results;
    }

    private async Task<RouteResult> BaselineAsync(string name, Func<Task<Outcome>> call)
    {
        var recorder = new Recorder();
        await ClosedLoop.RunAsync(options.Clients, TimeSpan.FromSeconds(2), async _ => (await call()).Status != 0);
        recorder = new Recorder();
        await ClosedLoop.RunAsync(options.Clients, Duration, async _ => (await recorder.TimeAsync(name, RouteKind.Command, call)).Status != 0);
        recorder.Stop();
        var result = recorder.Results().Single();
        BaselineResults.Add(result);
        Console.WriteLine($"   {name}: {result.Rate:0} req/s, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms");
        return result;
    }

    private async Task BrokerAsync()
    {
        await using var broker = await BrokerRoundTrip.StartAsync(system.ConnectionString("rabbitmq"), "load-bench");
        var recorder = new Recorder();
        await ClosedLoop.RunAsync(options.Clients, Duration, async _ =>
        {
            await recorder.TimeAsync(Baselines.Broker, RouteKind.Command, async () =>
            {
                await broker.RoundTripAsync();
                return new Outcome(200, default);
            });
            return true;
        });
        recorder.Stop();
        var result = recorder.Results().Single();
        BaselineResults.Add(result);
        Console.WriteLine($"   {Baselines.Broker}: {result.Rate:0} round trips/s, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms");
    }

    /// <summary>Waits (at most a minute) until no invitation is queued or sending and invitation-service's subscriptions are caught up.</summary>
    private async Task QuietAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = system.InvitationsDb.CreateCommand("SELECT count(*) FROM invitation_list WHERE status IN ('queued', 'sending')");
            if ((long)(await command.ExecuteScalarAsync())! == 0)
                break;
            await Task.Delay(250);
        }
        await Task.Delay(1000);
    }
}
