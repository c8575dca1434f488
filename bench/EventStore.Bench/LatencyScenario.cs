using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outreach.EventSourcing;
using Outreach.EventStore.Bench.Events;

namespace Outreach.EventStore.Bench;

/// <summary>
/// Commit-to-publish latency: from SaveChangesAsync returning to the broker confirming the relay's publish. Writers
/// append single events at a steady pace while the relay runs. Beside it, the same writers publish the same message
/// straight through MassTransit (publish to confirm): the floor any outbox adds to.
/// </summary>
internal static class LatencyScenario
{
    public sealed record Result(double P50, double P99, int Samples);

    public static async Task<(Result Store, Result Raw)> RunAsync(string connectionString, string rabbitMq, int writers, TimeSpan pace, TimeSpan duration)
    {
        var published = new ConcurrentDictionary<Guid, long>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o => o.Connection(connectionString))
            .AddRelay(relay => relay.Map<SeatAdded>((e, _) => new SeatAddedMessage(e.SeatId, e.AccountId, e.KeyId)));
        var queue = $"bench-{Guid.NewGuid():N}";
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<DrainConsumer>().Endpoint(e => e.Name = queue);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbitMq));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        using var observer = bus.ConnectPublishObserver(new ConfirmObserver(published));
        var store = host.Services.GetRequiredService<IDocumentStore>();

        var committed = new ConcurrentDictionary<Guid, long>();
        async Task AppendAsync(int w, int n)
        {
            var id = $"latency-{w}-{n % 20}";
            await using var session = store.LightweightSession();
            var action = session.Events.Append(id, SeatAdded.For(id));
            await session.SaveChangesAsync();
            committed[action.Events[0].Id] = Stopwatch.GetTimestamp();
        }

        // Warm up like the throughput figures: the relay's first publishes declare exchanges and open channels.
        await PacedAsync(writers, pace, TimeSpan.FromSeconds(1), AppendAsync);
        await WaitUntilAsync(() => committed.Keys.All(published.ContainsKey), TimeSpan.FromSeconds(30));
        committed.Clear();

        await PacedAsync(writers, pace, duration, AppendAsync);
        await WaitUntilAsync(() => committed.Keys.All(published.ContainsKey), TimeSpan.FromSeconds(30));
        var storeResult = Summarise(committed.Select(c => Stopwatch.GetElapsedTime(c.Value, published[c.Key]).TotalMilliseconds));

        var raw = new ConcurrentBag<double>();
        await PacedAsync(writers, pace, duration, async (w, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await bus.Publish(new SeatAddedMessage($"raw-{w}", "acc", "key"));
            raw.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        await host.StopAsync();
        return (storeResult, Summarise(raw));
    }

    private static async Task PacedAsync(int writers, TimeSpan pace, TimeSpan duration, Func<int, int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                await operation(w, n);
                await Task.Delay(pace);
            }
        })));
    }

    private static Result Summarise(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        return new Result(Load.Percentile(sorted, 50), Load.Percentile(sorted, 99), sorted.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < timeout)
            await Task.Delay(20);
    }

    /// <summary>Records when each relayed message's publish completed (after the broker's confirm).</summary>
    private sealed class ConfirmObserver(ConcurrentDictionary<Guid, long> published) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
                published.TryAdd(id, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>Keeps the bench queue empty, so the broker does real routing and persistence work.</summary>
    private sealed class DrainConsumer : IConsumer<SeatAddedMessage>
    {
        public Task Consume(ConsumeContext<SeatAddedMessage> context) => Task.CompletedTask;
    }
}
