using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.Dashboard.Tests.EventStreams;
using Outreach.Testing;
using RabbitMQ.Client;

namespace Outreach.Dashboard.Tests.DeadLetters;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class RabbitMQQueueCatalogTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task It_lists_the_private_nodes_queues_with_their_message_counts()
    {
        var name = $"catalog-{Guid.NewGuid():N}_error";
        var factory = new ConnectionFactory { Uri = new Uri(fixture.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(name, durable: false, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", name, "one"u8.ToArray());
        await channel.BasicPublishAsync("", name, "two"u8.ToArray());
        var broker = (RabbitMQServerResource)fixture.App.Model.Find("rabbitmq");
        using var catalog = new RabbitMQQueueCatalog(broker, fixture.App.Services.GetRequiredService<HostingSettings>());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var queues = await catalog.ListQueuesAsync(CancellationToken.None);
            if (queues.FirstOrDefault(q => q.Name == name) is { Messages: 2 })
            {
                break;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"rabbitmqctl never listed {name} with 2 messages: {string.Join(", ", queues)}");
            await Task.Delay(500);
        }

        await channel.QueueDeleteAsync(name);
    }
}
