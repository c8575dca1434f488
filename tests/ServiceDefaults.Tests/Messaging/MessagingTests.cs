using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MassTransit;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.ServiceDefaults.Tests.Support.Messages;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Messaging;

[Collection(SharedInfrastructure.Name)]
public sealed class MessagingTests(InfrastructureFixture infrastructure)
{
    private const int RetryLimit = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_published_message_reaches_the_consumer_found_by_convention()
    {
        await using var app = await StartAsync();
        var ping = new PingSent(Guid.NewGuid());

        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(ping);

        var log = app.Services.GetRequiredService<MessageLog>();
        await Eventually.HoldsAsync(() => log.Pings.ContainsKey(ping.PingId), Patience, "the ping is consumed");
    }

    [Fact]
    public async Task A_message_whose_consumer_always_fails_is_retried_then_parked_in_the_error_queue()
    {
        await using var app = await StartAsync();
        var poison = new PoisonSent(Guid.NewGuid());
        var marker = poison.PoisonId.ToString();

        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(poison);

        QueuedMessage? parked = null;
        await Eventually.HoldsAsync(async () =>
            (parked = await RabbitMqQueues.TakeAsync(infrastructure.RabbitMqConnectionString, "always-failing_error", marker)) is not null,
            Patience, "the message is in always-failing_error");

        app.Services.GetRequiredService<MessageLog>().PoisonAttempts[poison.PoisonId].ShouldBe(1 + RetryLimit);
        parked!.Headers["MT-Reason"].ShouldBe("fault");
        parked.Headers["MT-Fault-RetryCount"].ShouldBe(RetryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parked.Headers["MT-Fault-ExceptionType"].ShouldBe(typeof(InvalidOperationException).FullName);
        parked.Headers["MT-Fault-Message"].ShouldBe("This consumer always fails.");
        (await RabbitMqQueues.CountAsync(infrastructure.RabbitMqConnectionString, "always-failing")).ShouldBe(0u);
    }

    [Fact]
    public async Task A_message_whose_database_is_down_longer_than_the_retries_last_is_handled_once_it_answers()
    {
        await using var app = await StartAsync();
        var probe = new OutageProbeSent(Guid.NewGuid());
        var log = app.Services.GetRequiredService<MessageLog>();

        // Frozen for 8 s: each try ends at its 1 s budget, and the 3 retries for a bug would all be spent in about 5 s.
        await using (infrastructure.App.ResourceCommands.FreezeResource("postgres"))
        {
            await app.Services.GetRequiredService<IPublishEndpoint>().Publish(probe);
            await Task.Delay(TimeSpan.FromSeconds(8));
            log.Probes.ShouldNotContainKey(probe.ProbeId);
            log.ProbeAttempts.GetValueOrDefault(probe.ProbeId).ShouldBeGreaterThan(1 + RetryLimit, "the outage outlasted the retries for a bug");
        }

        // Parked in the error queue, it would never be handled.
        await Eventually.HoldsAsync(() => log.Probes.ContainsKey(probe.ProbeId), Patience, "the probe is handled after the thaw");
    }

    private async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(SampleApi.Map,
            builder =>
            {
                builder.Services.AddSingleton<MessageLog>();
                builder.AddMessaging([typeof(PingConsumer).Assembly]);
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMqConnectionString,
                ["ConnectionStrings:probe"] = infrastructure.PostgresConnectionString,
                ["Messaging:Retry:Limit"] = RetryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Messaging:Retry:MinInterval"] = "00:00:00.050",
                ["Messaging:Retry:MaxInterval"] = "00:00:00.500",
                ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
            });
        // Queues are bound once the bus is ready; a publish before that would have nowhere to go.
        await HealthProbe.UntilAsync(app.Client, System.Net.HttpStatusCode.OK, Patience);
        return app;
    }
}
