using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Testing;
using Outreach.InvitationService.Bench;

// dotnet run -c Release --project bench/InvitationService.Bench [-- --timed 300] [--clients 4] [--accounts 100] [--per-account 100] [--samples 50]
var timed = Int("--timed", 300);
var concurrent = Int("--clients", 4);
var accounts = Int("--accounts", 100);
var perAccount = Int("--per-account", 100);
var samples = Int("--samples", 50);
const int WarmUp = 20;
const double StopP99GoalMs = 100;

var loadBefore = LoadAverage();
Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}");
Console.WriteLine("Starting the system through the AppHost's testing entry (pacing off, sandbox at 0 latency)…");
await using var system = await InvitationSystem.StartAsync();
var figures = new List<Figure>();
var notes = new List<string>();

// 1. POST /api/v1/users/invite beside the same call made to the sandbox directly, at 1 and N clients.
var needed = (WarmUp + timed) * (1 + (concurrent > 1 ? 1 : 0));
var inviteSenders = await SetUpAsync((needed + 99) / 100, "bench-invite");
foreach (var clients in new[] { 1, concurrent }.Distinct())
{
    var label = clients == 1 ? "1 client" : $"{clients} clients";
    var work = new List<(Sender Sender, string ProviderId)>();
    var direct = new List<(Sender Sender, string ProviderId)>();
    using var sandbox = system.Client(InvitationSystem.Sandbox);
    foreach (var (sender, count) in Spread(inviteSenders, WarmUp + timed))
    {
        using var client = system.Client(InvitationSystem.Invitations, sender.Key);
        for (var i = 0; i < count; i++)
        {
            work.Add((sender, await ProviderIdAsync(client, sender, Person())));
            direct.Add((sender, await ProviderIdAsync(sandbox, sender, Person())));
        }
    }
    var http = inviteSenders.ToDictionary(s => s.SeatId, s => Enumerable.Range(0, clients).Select(_ => system.Client(InvitationSystem.Invitations, s.Key)).ToArray());
    var sandboxes = Enumerable.Range(0, clients).Select(_ => system.Client(InvitationSystem.Sandbox)).ToArray();
    await Load.RunAsync(clients, direct[..WarmUp], (k, item) => InviteAsync(sandboxes[k], item.Sender, item.ProviderId, HttpStatusCode201));
    var baseline = await Load.RunAsync(clients, direct[WarmUp..], (k, item) => InviteAsync(sandboxes[k], item.Sender, item.ProviderId, HttpStatusCode201));
    await Load.RunAsync(clients, work[..WarmUp], (k, item) => InviteAsync(http[item.Sender.SeatId][k], item.Sender, item.ProviderId, 200));
    var invite = await Load.RunAsync(clients, work[WarmUp..], (k, item) => InviteAsync(http[item.Sender.SeatId][k], item.Sender, item.ProviderId, 200));
    Console.WriteLine($"  POST /invite, {label}: p50 {invite.P(50):0.0} ms, p99 {invite.P(99):0.0} ms; sandbox direct p99 {baseline.P(99):0.0} ms");
    foreach (var p in new[] { 50, 95, 99 })
        figures.Add(new Figure($"POST /api/v1/users/invite p{p}, {label}", invite.P(p), baseline.P(p), "ms", "", true, LowerIsBetter: true));
    notes.Add($"invite, {label}: {invite.Count} invites ({invite.Rate:0}/s) through invitation-service; baseline: {baseline.Count} POST /api/v1/users/invite "
        + $"straight to the sandbox ({baseline.Rate:0}/s), each to a fresh person");
    foreach (var c in http.Values.SelectMany(c => c).Concat(sandboxes))
        c.Dispose();
}

// 2. The queue drains accounts × perAccount invitations, pacing off, beside the same number of direct sandbox sends.
var drainSenders = await SetUpAsync(accounts, "bench-drain");
var total = accounts * perAccount;
var started = Stopwatch.StartNew();
await Parallel.ForEachAsync(drainSenders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sender, _) =>
{
    using var client = system.Client(InvitationSystem.Invitations, sender.Key);
    await QueueAsync(client, sender, perAccount);
});
var queuedAfter = started.Elapsed;
long sent;
while ((sent = await system.QueryAsync<long>("SELECT count(*) FROM invitation_list WHERE status = 'sent' AND batch_id IS NOT NULL")) < total)
{
    if (started.Elapsed > TimeSpan.FromMinutes(20))
        throw new TimeoutException($"The queue sent {sent} of {total} in 20 minutes.");
    await Task.Delay(200);
}
var drain = started.Elapsed;
Console.WriteLine($"  queue: {total} sent in {drain.TotalSeconds:0.0} s ({total / drain.TotalSeconds:0}/s); all queued after {queuedAfter.TotalSeconds:0.0} s");
var directCount = Math.Min(total, 2000);
var directWork = new List<(Sender Sender, string ProviderId)>();
using (var sandbox = system.Client(InvitationSystem.Sandbox))
{
    foreach (var (sender, count) in Spread(drainSenders, directCount))
    {
        for (var i = 0; i < count; i++)
            directWork.Add((sender, await ProviderIdAsync(sandbox, sender, Person())));
    }
}
var directClients = Enumerable.Range(0, 8).Select(_ => system.Client(InvitationSystem.Sandbox)).ToArray();
var directRun = await Load.RunAsync(8, directWork, (k, item) => InviteAsync(directClients[k], item.Sender, item.ProviderId, HttpStatusCode201));
figures.Add(new Figure($"queue drain, {total:#,0} invitations over {accounts} accounts", total / drain.TotalSeconds, directRun.Rate, "invitations/s", "", true));
notes.Add($"queue drain: {total:#,0} invitations in {accounts} batch calls of {perAccount} (public identifiers, each resolved through the provider "
    + $"before its send), first 202 to the last `sent`: {drain.TotalSeconds:0.0} s; all batches were queued after {queuedAfter.TotalSeconds:0.0} s; "
    + $"baseline: {directRun.Count:#,0} direct sandbox sends at 8 clients ({directRun.Rate:0}/s; one call each, no resolution)");

// 3. Suspend → stop: from seat-service's 2xx to invitation-service's SeatSuspended consumer having committed (under the gate).
var stopSenders = drainSenders.Take(samples).ToList();
await Parallel.ForEachAsync(stopSenders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sender, _) =>
{
    using var client = system.Client(InvitationSystem.Invitations, sender.Key);
    await QueueAsync(client, sender, 100);
});
var stops = new List<double>();
var sentAtStop = new Dictionary<string, long>();
foreach (var sender in stopSenders)
{
    using var seats = system.Client("seat-service", sender.Key);
    using var response = await seats.PostAsJsonAsync("/functions/v1/api-user-management", new { action = "suspend", user_id = sender.SeatId });
    response.EnsureSuccessStatusCode();
    var clock = Stopwatch.StartNew();
    while (await system.QueryAsync<string>("SELECT status FROM seat_views WHERE seat_id = $1", sender.SeatId) != "suspended")
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(30))
            throw new TimeoutException($"Seat {sender.SeatId}'s suspension never reached invitation-service.");
        await Task.Delay(1);
    }
    stops.Add(clock.Elapsed.TotalMilliseconds);
    sentAtStop[sender.SeatId] = await SentAsync(sender);
}
await Task.Delay(500);
var sentAfter = 0L;
foreach (var sender in stopSenders)
    sentAfter += await SentAsync(sender) - sentAtStop[sender.SeatId];
stops.Sort();
var roundTrips = await BrokerRoundTripsAsync(samples + 10);
foreach (var p in new[] { 50, 99 })
    figures.Add(new Figure($"suspend → sends stopped p{p}", Load.Percentile(stops, p), Load.Percentile(roundTrips, p), "ms",
        p == 99 ? $"≤ {StopP99GoalMs:0} ms" : "", p != 99 || Load.Percentile(stops, p) <= StopP99GoalMs, LowerIsBetter: true));
notes.Add($"suspend → stop: {stops.Count} seats, each sending from a queue of 100 when suspended; measured from the suspend's 200 to the moment "
    + $"invitation-service's seat_views shows it suspended (its SeatSuspended consumer commits under the sender's gate, so no send is in flight "
    + $"then and none starts after), polled every 1 ms; invitations sent after that moment, 500 ms later: {sentAfter}; "
    + $"baseline: a raw MassTransit publish → consume round trip over the same RabbitMQ ({roundTrips.Count} round trips, one at a time)");

notes.Add($"machine: {Environment.ProcessorCount} cores shared by the bench, the services, PostgreSQL, RabbitMQ and the sandbox "
    + $"(and any other work running on it); load average (1/5/15 min) before {loadBefore}, after {LoadAverage()}");
Console.WriteLine();
Console.WriteLine(Report.Table(figures, "invitation-service"));
foreach (var note in notes)
    Console.WriteLine("- " + note);
return figures.All(f => f.Met) && sentAfter == 0 ? 0 : 1;

async Task<List<Sender>> SetUpAsync(int count, string name)
{
    var senders = new Sender[count];
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 6 },
        async (i, _) => senders[i] = await system.NewSeatSenderAsync($"{name}-{i}"));
    Console.WriteLine($"  {count} connected seats ready ({name})");
    return [.. senders];
}

static IEnumerable<(Sender Sender, int Count)> Spread(IReadOnlyList<Sender> senders, int total)
{
    for (var i = 0; i < senders.Count; i++)
        yield return (senders[i], total / senders.Count + (i < total % senders.Count ? 1 : 0));
}

static string Person() => "person-" + Guid.NewGuid().ToString("N")[..12];

static async Task<string> ProviderIdAsync(HttpClient client, Sender sender, string publicIdentifier)
{
    var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{publicIdentifier}?account_id={sender.AccountId}");
    return profile.GetProperty("provider_id").GetString()!;
}

static async Task InviteAsync(HttpClient client, Sender sender, string providerId, int expected)
{
    using var response = await client.PostAsJsonAsync("/api/v1/users/invite", new { provider_id = providerId, account_id = sender.AccountId });
    await response.Content.ReadAsByteArrayAsync();
    if ((int)response.StatusCode != expected)
        throw new InvalidOperationException($"invite answered {(int)response.StatusCode}, expected {expected}.");
}

static async Task QueueAsync(HttpClient client, Sender sender, int count)
{
    using var response = await client.PostAsJsonAsync("/v1/invitations/batch",
        new { account_id = sender.AccountId, invitations = Enumerable.Range(0, count).Select(_ => new { public_identifier = Person() }).ToList() });
    if ((int)response.StatusCode != 202)
        throw new InvalidOperationException($"batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}

async Task<long> SentAsync(Sender sender) =>
    await system.QueryAsync<long>("SELECT count(*) FROM invitation_list WHERE seat_id = $1 AND status = 'sent'", sender.SeatId);

async Task<List<double>> BrokerRoundTripsAsync(int count)
{
    var uri = new Uri((await system.App.GetConnectionStringAsync("rabbitmq"))!);
    var credentials = uri.UserInfo.Split(':', 2);
    TaskCompletionSource? arrived = null;
    var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
    {
        rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        });
        rabbit.ReceiveEndpoint($"bench-ping-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.AutoDelete = true;
            endpoint.Durable = false;
            endpoint.Handler<BenchPing>(_ =>
            {
                arrived?.TrySetResult();
                return Task.CompletedTask;
            });
        });
    });
    await bus.StartAsync();
    try
    {
        var times = new List<double>(count);
        for (var i = 0; i < count + 10; i++)
        {
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = Stopwatch.StartNew();
            await bus.Publish(new BenchPing(i));
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 10)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }
    finally
    {
        await bus.StopAsync();
    }
}

int Int(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

internal static partial class Program
{
    private const int HttpStatusCode201 = 201;
}

namespace Outreach.InvitationService.Bench
{
    internal sealed record BenchPing(int Number);
}

