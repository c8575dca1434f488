using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.Dashboard.DeadLetters;
using Outreach.Dashboard.Tests.EventStreams;
using Outreach.Dashboard.Tests.Support;
using Outreach.Testing;
using Xunit.Abstractions;

namespace Outreach.Dashboard.Tests.DeadLetters;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class DeadLetterTests(InfrastructureFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_that_failed_every_retry_is_listed_and_redelivered_to_its_queue_without_its_fault_headers()
    {
        await using var bus = await FailingConsumerBus.StartAsync(fixture.RabbitMqConnectionString);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await bus.SendAsync("first", first);
        await bus.SendAsync("second", second);
        using var catalog = Catalog();
        await using var dashboard = await StartDashboardAsync(catalog);
        using var client = dashboard.CreateClient();

        var queue = await WaitForQueueAsync(client, bus.ErrorQueue, q => q.GetProperty("message_count").GetInt64() == 2);
        queue.GetProperty("original_queue").GetString().ShouldBe(bus.Queue);
        queue.GetProperty("kind").GetString().ShouldBe("error");
        var messages = queue.GetProperty("messages").EnumerateArray().ToList();
        output.WriteLine(messages[0].GetRawText());
        // The consumer handles messages concurrently, so they may fail (and land) in either order.
        var order = messages.Select(m => m.GetProperty("message_id").GetString()).ToList();
        order.ShouldBe([first.ToString(), second.ToString()], ignoreOrder: true);
        messages = [.. messages.OrderBy(m => m.GetProperty("message_id").GetString() == first.ToString() ? 0 : 1)];
        messages[0].GetProperty("message_type").GetString()!.ShouldEndWith(":PingRequested");
        messages[0].GetProperty("fault_message").GetString().ShouldBe(FailingConsumerBus.FailureText);
        messages[0].GetProperty("exception_type").GetString()!.ShouldContain("InvalidOperationException");
        messages[0].GetProperty("time").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        messages[0].GetProperty("body_preview").GetString()!.ShouldContain("\"first\"");

        // Looking is not taking: a second listing still has both, in the same order as the first.
        var again = await WaitForQueueAsync(client, bus.ErrorQueue, _ => true);
        again.GetProperty("message_count").GetInt64().ShouldBe(2);
        again.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message_id").GetString()).ShouldBe(order);

        var page = await client.GetStringAsync("/events/deadletters");
        page.ShouldContain($"{bus.ErrorQueue} (2)");
        page.ShouldContain(FailingConsumerBus.FailureText);
        page.ShouldContain($"data-command=\"{DeadLettersPage.RedeliverPath(bus.ErrorQueue, first.ToString())}\"");
        page.ShouldContain("id=\"command-status\"");

        bus.Failing = false;
        using var redeliver = await client.PostAsync(DeadLettersPage.RedeliverPath(bus.ErrorQueue, first.ToString()), null);
        redeliver.StatusCode.ShouldBe(HttpStatusCode.OK);

        var received = await WaitForAsync(() => bus.Received.FirstOrDefault(p => p.MessageId == first));
        received.Text.ShouldBe("first");
        received.Headers.Keys.ShouldNotContain(key => key.StartsWith("MT-Fault-", StringComparison.Ordinal) || key.StartsWith("MT-Host-", StringComparison.Ordinal) || key == "MT-Reason");
        var after = await WaitForQueueAsync(client, bus.ErrorQueue, q => q.GetProperty("message_count").GetInt64() == 1);
        after.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message_id").GetString()).ShouldBe([second.ToString()]);
        bus.Received.Count(p => p.MessageId == second).ShouldBe(0);
    }

    [Fact]
    public async Task Redelivering_a_message_that_is_not_there_is_a_404_problem_and_moves_nothing()
    {
        await using var bus = await FailingConsumerBus.StartAsync(fixture.RabbitMqConnectionString);
        var stays = Guid.NewGuid();
        await bus.SendAsync("stays", stays);
        using var catalog = Catalog();
        await using var dashboard = await StartDashboardAsync(catalog);
        using var client = dashboard.CreateClient();
        await WaitForQueueAsync(client, bus.ErrorQueue, q => q.GetProperty("message_count").GetInt64() == 1);

        using var unknown = await client.PostAsync(DeadLettersPage.RedeliverPath(bus.ErrorQueue, Guid.NewGuid().ToString()), null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var notDeadLetters = await client.PostAsync(DeadLettersPage.RedeliverPath(bus.Queue, stays.ToString()), null);
        notDeadLetters.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var queue = await WaitForQueueAsync(client, bus.ErrorQueue, _ => true);
        queue.GetProperty("message_count").GetInt64().ShouldBe(1);
        queue.GetProperty("messages")[0].GetProperty("message_id").GetString().ShouldBe(stays.ToString());
    }

    [Fact]
    public async Task Without_a_queue_catalog_the_page_says_it_cannot_list_queues_instead_of_failing()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.BrokerConnectionString = fixture.RabbitMqConnectionString);
        using var client = dashboard.CreateClient();

        using var response = await client.GetAsync("/events/deadletters");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Queue listing is not available");
    }

    private RabbitMQQueueCatalog Catalog()
    {
        var broker = (RabbitMQServerResource)fixture.App.Model.Find("rabbitmq");
        return new RabbitMQQueueCatalog(broker, fixture.App.Services.GetRequiredService<HostingSettings>());
    }

    private Task<StandaloneDashboard> StartDashboardAsync(IBrokerQueueCatalog catalog) => StandaloneDashboard.StartAsync(o =>
    {
        o.BrokerConnectionString = fixture.RabbitMqConnectionString;
        o.BrokerQueueCatalog = catalog;
    });

    private static async Task<JsonElement> WaitForQueueAsync(HttpClient client, string name, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var api = JsonDocument.Parse(await client.GetStringAsync("/api/deadletters"));
            api.RootElement.GetProperty("problem").ValueKind.ShouldBe(JsonValueKind.Null, api.RootElement.GetRawText());
            var queue = api.RootElement.GetProperty("queues").EnumerateArray().FirstOrDefault(q => q.GetProperty("name").GetString() == name);
            if (queue.ValueKind == JsonValueKind.Object && done(queue))
            {
                return queue.Clone();
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{name} did not reach the expected state");
            await Task.Delay(250);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer did not receive the redelivered message");
            await Task.Delay(50);
        }
    }
}
