using System.Globalization;
using System.Net;
using Outreach.InvitationService.Bench;

// dotnet run -c Release --project bench/InvitationService.Bench [-- --timed 300] [--warmup 20] [--clients 4]
//   [--accounts 100] [--per-account 100] [--samples 50] [--poll-ms 1] [--setup-parallel 6] [--drain-patience 900]
var timed = Int("--timed", 300);
var warmUp = Int("--warmup", 20);
var concurrent = Int("--clients", 4);
var accounts = Int("--accounts", 100);
var perAccount = Int("--per-account", 100);
var samples = Int("--samples", 50);
// The pause between two looks at seat_views while a suspension is timed (each look is a query on the system's database).
var pollMs = Int("--poll-ms", 1);
var setupParallel = Int("--setup-parallel", 6);
var drainPatience = TimeSpan.FromSeconds(Int("--drain-patience", 900));
const int NoSeatDailyLimit = 25;
const int SeatDailyLimit = 100;
const int BaselineDrainClients = 8;
const int BatchParallel = 4;
const int SuspendBatch = 100;
const int SentBeforeSuspend = 3;
const double SuspendP99GoalMs = 100;

var loadBefore = LoadAverage();
Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}");
Console.WriteLine("Starting the system through the AppHost's testing entry (PostgreSQL, RabbitMQ, the three services, linkedin-sandbox; pacing off)…");
await using var system = await InvitationSystem.StartAsync();
Console.WriteLine("System healthy.");

var figures = new List<Figure>();
var notes = new List<string>();
var failures = new List<string>();
var sandbox = system.Client(InvitationSystem.Sandbox, null);

// 1. POST /api/v1/users/invite at 1 and N clients, beside the same call straight to the sandbox.
{
    var levels = new[] { 1, concurrent }.Distinct().ToArray();
    var perLevel = warmUp + timed;
    var senderCount = (levels.Length * perLevel + NoSeatDailyLimit - 1) / NoSeatDailyLimit;
    Console.WriteLine($"1. invite: connecting {senderCount} identities without a seat (25 a day each)…");
    var senders = await Senders.WithoutSeatAsync(system, senderCount, setupParallel);
    Console.WriteLine($"   looking up {levels.Length * perLevel} new people (not timed)…");
    var invites = await InviteScenario.PrepareAsync([.. senders.Select(s => (s.Invitations, s.AccountId))], NoSeatDailyLimit, setupParallel);
    var baselineAccounts = new List<(HttpClient, string)>();
    for (var i = 0; i < concurrent; i++)
        baselineAccounts.Add((sandbox, await InviteScenario.SandboxAccountAsync(sandbox)));
    var direct = await InviteScenario.PrepareAsync(baselineAccounts, (levels.Length * perLevel + concurrent - 1) / concurrent, setupParallel);
    for (var l = 0; l < levels.Length; l++)
    {
        var clients = levels[l];
        var label = clients == 1 ? "1 client" : $"{clients} clients";
        var mine = invites.GetRange(l * perLevel, perLevel);
        var theirs = direct.GetRange(l * perLevel, perLevel);
        await Load.RunAsync(clients, theirs[..warmUp], (_, i) => InviteScenario.SendAsync(i, HttpStatusCode.Created));
        var baseline = await Load.RunAsync(clients, theirs[warmUp..], (_, i) => InviteScenario.SendAsync(i, HttpStatusCode.Created));
        await Load.RunAsync(clients, mine[..warmUp], (_, i) => InviteScenario.SendAsync(i, HttpStatusCode.OK));
        var run = await Load.RunAsync(clients, mine[warmUp..], (_, i) => InviteScenario.SendAsync(i, HttpStatusCode.OK));
        Console.WriteLine($"   {label}: p50 {run.P(50):0.0} ms, p99 {run.P(99):0.0} ms ({run.Rate:0} invites/s); sandbox p50 {baseline.P(50):0.0} ms, p99 {baseline.P(99):0.0} ms");
        foreach (var p in new[] { 50, 95, 99 })
            figures.Add(new Figure($"invite p{p}, {label}", run.P(p), baseline.P(p), "ms", "", true, LowerIsBetter: true));
        notes.Add($"invite, {label}: {run.Count} timed after {warmUp} untimed, {run.Rate:0.0} invites/s (sandbox direct {baseline.Rate:0.0}/s), "
            + $"over {senders.Count} identities without a seat, each invite to a new person");
    }
}

// 2. Queue drain: accounts × perAccount invitations, one batch per account, pacing off.
List<Sender> drainSeats;
{
    var total = accounts * perAccount;
    Console.WriteLine($"2. drain: preparing {accounts} active seats (daily limit {SeatDailyLimit}), {setupParallel} at a time…");
    drainSeats = await Senders.WithSeatAsync(system, accounts, SeatDailyLimit, setupParallel, "drain");

    Console.WriteLine($"   baseline: {total:N0} direct sandbox invites at {BaselineDrainClients} clients (people looked up first, not timed)…");
    var baselineAccounts = new List<(HttpClient, string)>();
    var baselineClients = Enumerable.Range(0, BaselineDrainClients).Select(_ => system.Client(InvitationSystem.Sandbox, null)).ToList();
    foreach (var client in baselineClients)
        baselineAccounts.Add((client, await InviteScenario.SandboxAccountAsync(client)));
    var direct = await InviteScenario.PrepareAsync(baselineAccounts, (total + BaselineDrainClients - 1) / BaselineDrainClients, BaselineDrainClients);
    var baseline = await Load.RunAsync(BaselineDrainClients, direct[..total], (_, i) => InviteScenario.SendAsync(i, HttpStatusCode.Created));
    Console.WriteLine($"   sandbox: {baseline.Rate:0} invites/s ({baseline.Seconds:0.0} s)");

    Console.WriteLine($"   queueing {total:N0} invitations by {accounts} batch calls ({BatchParallel} at a time) and waiting until all are sent…");
    var drain = await DrainScenario.RunAsync(system, drainSeats, perAccount, BatchParallel, drainPatience);
    Console.WriteLine($"   drained {drain.Sent:N0}/{drain.Queued:N0} in {drain.Seconds:0.0} s: {drain.Rate:0} invitations/s");
    figures.Add(new Figure($"queue drain, {total:N0} over {accounts} accounts", drain.Rate, baseline.Rate, "invitations/s", "", drain.Complete));
    figures.Add(new Figure($"queue drain, {total:N0}: first 202 → all sent", drain.Seconds, baseline.Seconds, "s", "", drain.Complete, LowerIsBetter: true));
    notes.Add($"queue drain: {drain.Sent:N0} sent, {drain.Failed:N0} failed of {drain.Queued:N0} in {drain.Seconds:0.00} s from the first batch's 202 "
        + $"(the {accounts} batch calls took {drain.QueueingSeconds:0.00} s, {BatchParallel} at a time); baseline {baseline.Count:N0} direct sandbox invites "
        + $"at {BaselineDrainClients} clients in {baseline.Seconds:0.00} s");
    if (!drain.Complete)
    {
        var statuses = await DrainScenario.StatusesAsync(system, drain.Batches);
        notes.Add($"queue drain INCOMPLETE after {drain.Seconds:0} s; the invitations stood at: {statuses}");
        failures.Add($"drain incomplete after {drain.Seconds:0} s ({statuses})");
    }
    foreach (var client in baselineClients)
        client.Dispose();
}

// 3. Suspend → stop, one seat per sample, beside a raw MassTransit publish → consume round trip.
{
    Console.WriteLine($"3. suspend: baseline, {samples} MassTransit publish → consume round trips (10 untimed first)…");
    var broker = await BrokerRoundTrip.StartAsync(await system.BrokerAsync(), "invitation-bench");
    for (var i = 0; i < 10; i++)
        await broker.RoundTripAsync();
    var trips = new List<double>();
    for (var i = 0; i < samples; i++)
        trips.Add(await broker.RoundTripAsync());
    await broker.DisposeAsync();
    trips.Sort();

    // The drain's seats have sent their whole day (daily limit 100), so a queue on them would not send: new seats.
    Console.WriteLine($"   preparing {samples} more active seats (the drain's have used their day)…");
    var seats = await Senders.WithSeatAsync(system, samples, SeatDailyLimit, setupParallel, "suspend");
    var results = new List<Suspension>();
    await using (var watch = await SuspensionWatch.StartAsync(await system.BrokerAsync()))
    {
        foreach (var seat in seats)
            results.Add(await SuspendScenario.SampleAsync(system, watch, seat, SuspendBatch, SentBeforeSuspend, pollMs));
    }
    var ms = results.Select(r => r.Ms).Order().ToList();
    var rose = results.Where(r => r.SentLater > r.SentAtStop).ToList();
    Console.WriteLine($"   suspend → stopped p50 {Load.Percentile(ms, 50):0.0} ms, p99 {Load.Percentile(ms, 99):0.0} ms; MassTransit p99 {Load.Percentile(trips, 99):0.0} ms; "
        + $"{rose.Count} seats sent after the stop");
    foreach (var p in new[] { 50, 99 })
        figures.Add(new Figure($"suspend → sends stopped p{p}", Load.Percentile(ms, p), Load.Percentile(trips, p), "ms",
            p == 99 ? $"≤ {SuspendP99GoalMs:0} ms" : "", p != 99 || Load.Percentile(ms, p) <= SuspendP99GoalMs, LowerIsBetter: true));
    notes.Add($"suspend → stopped: {results.Count} seats, each with a queue of {SuspendBatch} and suspended once {SentBeforeSuspend}+ were sent "
        + $"(sent before the suspend: {results.Min(r => r.SentBefore)}–{results.Max(r => r.SentBefore)}; still queued at the stop: "
        + $"{results.Min(r => r.QueuedAtStop)}–{results.Max(r => r.QueuedAtStop)}; 'sending' at the stop: {results.Sum(r => r.SendingAtStop)} in all); "
        + $"seat_views polled with a {pollMs} ms pause (a poll took {results.Average(r => r.PollMs):0.00} ms on average); "
        + $"sent count rose in the 500 ms after the stop on {rose.Count} of {results.Count} seats"
        + (rose.Count > 0 ? $" (by {string.Join(", ", rose.Select(r => r.SentLater - r.SentAtStop))})" : ""));
    var onBroker = results.Where(r => r.OnBrokerMs is not null).Select(r => r.OnBrokerMs!.Value).Order().ToList();
    var afterBroker = results.Where(r => r.OnBrokerMs is not null).Select(r => r.Ms - r.OnBrokerMs!.Value).Order().ToList();
    if (onBroker.Count > 0)
        notes.Add($"suspend → stopped, split (a bench queue bound to SeatSuspended beside invitation-service's, {onBroker.Count} of {results.Count} seen): "
            + $"2xx → on the broker (seat-service's relay) p50 {Load.Percentile(onBroker, 50):0.0} ms, p99 {Load.Percentile(onBroker, 99):0.0} ms; "
            + $"broker → committed in invitation-service (gate wait, inbox, commit) p50 {Load.Percentile(afterBroker, 50):0.0} ms, p99 {Load.Percentile(afterBroker, 99):0.0} ms");
    notes.Add($"suspend baseline: {trips.Count} MassTransit publish → consume round trips (publisher confirms on, one consumer of a bench-only message) "
        + $"over the same RabbitMQ, p50 {Load.Percentile(trips, 50):0.0} ms, p99 {Load.Percentile(trips, 99):0.0} ms");
    if (rose.Count > 0)
        failures.Add($"{rose.Count} suspended seats sent after the stop");
}
sandbox.Dispose();

notes.Add($"machine: {Environment.ProcessorCount} cores shared by the bench, the services, PostgreSQL, RabbitMQ and the sandbox "
    + $"(and any other work running on it); load average (1/5/15 min) before {loadBefore}, after {LoadAverage()}");
Console.WriteLine();
Console.WriteLine(Report.Table(figures, "invitation-service", "baseline"));
foreach (var note in notes)
    Console.WriteLine("- " + note);
foreach (var failure in failures)
    Console.WriteLine("FAILED: " + failure);
return figures.All(f => f.Met) && failures.Count == 0 ? 0 : 1;

int Int(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
