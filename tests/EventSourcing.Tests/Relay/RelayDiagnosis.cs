using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Relay;

/// <summary>
/// Where the missing messages are when a relay test times out: still behind the relay's checkpoint, waiting in the
/// consumer's queue, moved to its error queue, or nowhere (the broker accepted them and routed them to no queue).
/// A failure that happens once in many runs must say which, or it cannot be fixed.
/// </summary>
internal static class RelayDiagnosis
{
    public static async Task WaitUntilConsumedAsync(InfrastructureFixture fixture, RelayHosts hosts, long total, TimeSpan timeout)
    {
        try
        {
            await Eventually.WaitUntilAsync(async () => await ConsumedAsync(hosts) >= total, timeout, "every deposit reached the consumer");
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message} {await DescribeAsync(fixture, hosts, total)}", timedOut);
        }
    }

    private static async Task<string> DescribeAsync(InfrastructureFixture fixture, RelayHosts hosts, long total)
    {
        var consumed = await ConsumedAsync(hosts);
        var relay = (await hosts.Publisher.Store().Advanced.GetSubscriptionProgressAsync()).Single(p => p.Name == "relay");
        string queues;
        try
        {
            var broker = (RabbitMQServerResource)fixture.App.Model.Find("rabbitmq");
            using var catalog = new RabbitMQQueueCatalog(broker, fixture.App.Services.GetRequiredService<HostingSettings>());
            queues = string.Join(", ", (await catalog.ListQueuesAsync(CancellationToken.None))
                .Where(q => q.Name.StartsWith(hosts.Queue, StringComparison.Ordinal))
                .Select(q => $"{q.Name}: {q.Messages}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            queues = $"not listed ({e.Message})";
        }
        // Listing the queues starts an Erlang VM (a second or more): a backlog can drain meanwhile, so count again.
        var consumedAfter = await ConsumedAsync(hosts);
        return $"Consumed {consumed} of {total} ({consumedAfter} once the queues were listed); the relay's lag is {relay.Lag}; "
            + $"the consumer's queues hold [{queues}].";
    }

    /// <summary>The consumer's own log holds one event per deposit it handled.</summary>
    private static Task<long> ConsumedAsync(RelayHosts hosts) => Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events");
}
