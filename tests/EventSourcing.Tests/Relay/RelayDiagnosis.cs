using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.Orchestration;
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
            // Every ledger queue, not only this test's: an earlier test's queue stays bound to the same message
            // exchange with no consumer, so its count shows how many deposits the broker did route while this ran.
            queues = string.Join(", ", (await catalog.ListQueuesAsync(CancellationToken.None))
                .Where(q => q.Name.StartsWith("ledger-", StringComparison.Ordinal))
                .Select(q => q.Name.StartsWith(hosts.Queue, StringComparison.Ordinal) ? $"{q.Name} (this test's): {q.Messages}" : $"{q.Name}: {q.Messages}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            queues = $"not listed ({e.Message})";
        }
        string route;
        try
        {
            route = await RouteProbe.DescribeAsync(new Uri(fixture.RabbitMqConnectionString), hosts.Queue, MessageExchange);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            route = $"not probed ({e.Message})";
        }
        // Listing the queues starts an Erlang VM (a second or more): a backlog can drain meanwhile, so count again.
        var consumedAfter = await ConsumedAsync(hosts);
        // More inbox rows than effects would mean messages marked handled that left no effect.
        var inbox = await Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM inbox");
        return $"Consumed {consumed} of {total} ({consumedAfter} once the queues were listed, {inbox} in the consumer's inbox); the relay's lag is {relay.Lag}; "
            + $"the ledger queues hold [{queues}]. The broker's route: {route} The consumer's bus: {BusHealth(hosts.Consumer)}, restarted by the watchdog "
            + $"{hosts.Consumer.Services.GetRequiredService<Outreach.ServiceDefaults.Messaging.StuckEndpointWatchdog>().Restarts} times; "
            + $"its warnings and errors: {HostComplaints(hosts.Consumer)} The publisher's: {HostComplaints(hosts.Publisher)} "
            + $"The broker's: {BrokerComplaints(fixture)}";
    }

    /// <summary>MassTransit's exchange for the relayed message type (namespace:name), which the consumer's exchange is bound to.</summary>
    private static readonly string MessageExchange = $"{typeof(Messages.DepositRecorded).Namespace}:{nameof(Messages.DepositRecorded)}";

    /// <summary>
    /// What the broker itself said went wrong (a queue that failed to recover after the kill, a lost binding): the
    /// last warning and error lines of its console, which the AppHost keeps.
    /// </summary>
    private static string BrokerComplaints(InfrastructureFixture fixture)
    {
        var lines = fixture.App.Services.GetRequiredService<ResourceLogStore>().GetLines("rabbitmq")
            .Where(line => line.Contains("[error]", StringComparison.Ordinal) || line.Contains("[warning]", StringComparison.Ordinal)
                // How many durable queues each boot found again: a count that does not grow with the tests' queues
                // would mean definitions declared shortly before the kill were not on disk yet.
                || line.Contains("queues of type", StringComparison.Ordinal))
            // The AppHost's health probe opens and drops a connection every few seconds: noise here.
            .Where(line => !line.Contains("closing AMQP connection", StringComparison.Ordinal) && !line.Contains("unexpectedly closed TCP", StringComparison.Ordinal))
            .TakeLast(20)
            .ToList();
        return lines.Count == 0 ? "none." : Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>MassTransit's own view of its endpoints (a receive endpoint left faulted after a reconnect shows here).</summary>
    private static string BusHealth(Microsoft.Extensions.Hosting.IHost host)
    {
        var health = host.Services.GetRequiredService<MassTransit.IBusControl>().CheckHealth();
        return $"{health.Status} ({health.Description})";
    }

    private static string HostComplaints(Microsoft.Extensions.Hosting.IHost host)
    {
        var lines = host.Services.GetRequiredService<RecentLogs>().Lines;
        return lines.Count == 0 ? "none." : Environment.NewLine + string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>The consumer's own log holds one event per deposit it handled.</summary>
    private static Task<long> ConsumedAsync(RelayHosts hosts) => Sql.ScalarAsync<long>(hosts.ConsumerDb, "SELECT count(*) FROM events");
}
