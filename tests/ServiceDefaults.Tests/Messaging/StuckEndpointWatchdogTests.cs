using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.ServiceDefaults.Messaging;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.ServiceDefaults.Tests.Support.Messages;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The watchdog in two halves: when it decides to restart (the tracker, on its own), and that the restart it does
/// leaves a bus that consumes again (against the real broker). The stuck state itself is MassTransit's bug and
/// cannot be produced on demand; the relay's broker-restart test is where it was seen.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class StuckEndpointWatchdogTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void Unhealthy_endpoints_with_the_broker_answering_are_restarted_only_once_the_whole_wait_has_passed()
    {
        var tracker = new StuckEndpointTracker(Wait);
        tracker.ShouldRestart(endpointsHealthy: false, brokerAnswers: true, T0).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(29)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(30)).ShouldBeTrue();
        // The wait starts over after a restart: the bus gets the same time again to come up.
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(35)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(64)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(65)).ShouldBeTrue();
    }

    [Fact]
    public void A_broker_that_does_not_answer_or_endpoints_that_recover_start_the_wait_again()
    {
        var tracker = new StuckEndpointTracker(Wait);
        tracker.ShouldRestart(false, true, T0).ShouldBeFalse();
        // The broker is down: the endpoints reconnect by themselves once it is back, a restart would not help.
        tracker.ShouldRestart(false, false, T0 + TimeSpan.FromSeconds(20)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(40)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(69)).ShouldBeFalse();
        // MassTransit reconnected on its own.
        tracker.ShouldRestart(true, true, T0 + TimeSpan.FromSeconds(70)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(75)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(104)).ShouldBeFalse();
        tracker.ShouldRestart(false, true, T0 + TimeSpan.FromSeconds(105)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_bus_the_watchdog_restarts_is_healthy_again_and_consumes()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map,
            builder =>
            {
                builder.Services.AddSingleton<MessageLog>();
                builder.AddMessaging([typeof(PingConsumer).Assembly]);
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMqConnectionString,
                ["ConnectionStrings:probe"] = infrastructure.PostgresConnectionString,
            });
        var patience = TimeSpan.FromSeconds(60);
        await HealthProbe.UntilAsync(app.Client, System.Net.HttpStatusCode.OK, patience);
        var log = app.Services.GetRequiredService<MessageLog>();
        var before = new PingSent(Guid.NewGuid());
        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(before);
        await Eventually.HoldsAsync(() => log.Pings.ContainsKey(before.PingId), patience, "the first ping is consumed");

        var watchdog = app.Services.GetRequiredService<StuckEndpointWatchdog>();
        await watchdog.RestartBusAsync(CancellationToken.None);

        watchdog.Restarts.ShouldBe(1);
        await HealthProbe.UntilAsync(app.Client, System.Net.HttpStatusCode.OK, patience);
        var after = new PingSent(Guid.NewGuid());
        await app.Services.GetRequiredService<IPublishEndpoint>().Publish(after);
        await Eventually.HoldsAsync(() => log.Pings.ContainsKey(after.PingId), patience, "a ping published after the restart is consumed");
    }
}
