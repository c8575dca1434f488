using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.ServiceDefaults.Tests.Support.Messages;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Health;

[Collection(SharedInfrastructure.Name)]
public sealed class InfrastructureHealthTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_follows_the_database_and_the_broker_while_alive_only_follows_the_process()
    {
        // One service with consumers, one that only publishes: both must notice the broker going away.
        await using var consuming = await StartAsync(builder =>
        {
            builder.Services.AddSingleton<MessageLog>();
            builder.AddMessaging([typeof(PingConsumer).Assembly]);
        });
        await using var publishing = await StartAsync(builder => builder.AddMessaging(_ => { }));

        foreach (var app in new[] { consuming, publishing })
        {
            await HealthProbe.UntilAsync(app.Client, HttpStatusCode.OK, Patience);
            (await HealthProbe.GetAsync(app.Client, "/health")).Checks.ShouldBe(new Dictionary<string, string>
            {
                ["masstransit-bus"] = "healthy",
                ["rabbitmq"] = "healthy",
                ["seatsdb"] = "healthy",
                ["self"] = "healthy",
            }, ignoreOrder: true);
        }

        await infrastructure.KillRabbitMqAsync();
        try
        {
            foreach (var app in new[] { consuming, publishing })
            {
                await HealthProbe.UntilAsync(app.Client, HttpStatusCode.ServiceUnavailable, Patience);
                var brokerDown = await HealthProbe.GetAsync(app.Client, "/health");
                brokerDown.Checks["rabbitmq"].ShouldBe("unhealthy");
                brokerDown.Checks["seatsdb"].ShouldBe("healthy");

                var alive = await HealthProbe.GetAsync(app.Client, "/alive");
                alive.Status.ShouldBe(HttpStatusCode.OK);
                alive.Checks.Keys.ShouldBe(["self"]);
            }

            // MassTransit's own check sees it too, through its receive endpoints.
            await Eventually.HoldsAsync(async () => (await HealthProbe.GetAsync(consuming.Client, "/health")).Checks["masstransit-bus"] != "healthy",
                Patience, "the bus check reports the lost endpoints");
        }
        finally
        {
            await infrastructure.StartRabbitMqAsync();
        }

        await HealthProbe.UntilAsync(consuming.Client, HttpStatusCode.OK, Patience);
        await HealthProbe.UntilAsync(publishing.Client, HttpStatusCode.OK, Patience);
    }

    private async Task<TestApp> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> addMessaging)
    {
        var seatsdb = await infrastructure.CreateDatabaseAsync();
        return await TestApp.StartAsync(SampleApi.Map,
            builder =>
            {
                builder.AddNpgsqlDataSource("seatsdb");
                addMessaging(builder);
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:seatsdb"] = seatsdb,
                ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMqConnectionString,
            });
    }
}
