using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Relay.Messages;
using Outreach.EventSourcing.Tests.Support;

namespace Outreach.EventSourcing.Tests.Relay;

/// <summary>A publishing service (its log relayed to RabbitMQ) and a consuming service (inbox + its own log), each with its own database.</summary>
public sealed class RelayHosts : IAsyncDisposable
{
    private readonly ActivityListener _tracing;

    private RelayHosts(IHost publisher, IHost consumer, string publisherDb, string consumerDb, string queue, ActivityListener tracing)
    {
        Queue = queue;
        Publisher = publisher;
        Consumer = consumer;
        PublisherDb = publisherDb;
        ConsumerDb = consumerDb;
        _tracing = tracing;
    }

    public IHost Publisher { get; }
    public IHost Consumer { get; }
    public string PublisherDb { get; }
    public string ConsumerDb { get; }
    /// <summary>The consumer's queue on the broker (its error queue is "&lt;queue&gt;_error").</summary>
    public string Queue { get; }

    public static async Task<RelayHosts> StartAsync(Outreach.Testing.InfrastructureFixture fixture)
    {
        // Sample every span, as an exporter would, so MassTransit carries the trace across the broker.
        var tracing = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(tracing);

        var publisherDb = await fixture.CreateDatabaseAsync();
        var consumerDb = await fixture.CreateDatabaseAsync();
        var queue = $"ledger-{Guid.NewGuid():N}";
        var broker = new Uri(fixture.RabbitMqConnectionString);

        var consumer = await TestHosts.StartAsync(consumerDb, configureServices: services =>
        {
            services.AddMassTransit(x =>
            {
                x.AddConsumer<LedgerConsumer>().Endpoint(e => e.Name = queue);
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(broker);
                    cfg.UseMessageRetry(r => r.Intervals(100, 250, 500, 1000, 2000));
                    cfg.ConfigureEndpoints(context);
                });
            });
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            // As in every service (AddMessaging): an endpoint MassTransit leaves faulted after the broker's restart
            // is restarted instead of holding its queue until the test times out.
            services.AddStuckEndpointWatchdog(Outreach.ServiceDefaults.Messaging.RabbitMqConnection.Parse(fixture.RabbitMqConnectionString), "ledger-consumer");
        });

        var publisher = await TestHosts.StartAsync(publisherDb,
            configureBuilder: store => store.AddRelay(relay =>
            {
                relay.PublishTimeout = TimeSpan.FromSeconds(5);
                relay.Map<MoneyDeposited>((e, _) => new DepositRecorded(e.AccountId, e.Amount));
            }),
            configureServices: services =>
            {
                services.AddMassTransit(x => x.UsingRabbitMq((_, cfg) => cfg.Host(broker)));
                services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            });

        return new RelayHosts(publisher, consumer, publisherDb, consumerDb, queue, tracing);
    }

    public async ValueTask DisposeAsync()
    {
        await Publisher.StopAsync();
        await Consumer.StopAsync();
        Publisher.Dispose();
        Consumer.Dispose();
        _tracing.Dispose();
    }
}
