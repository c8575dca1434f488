using System.Collections.Concurrent;
using MassTransit;

namespace Outreach.Testing;

/// <summary>
/// Talks to a system's RabbitMQ the way another service would: publishes messages with a chosen MessageId (send one
/// twice to act out a redelivery) and listens for messages on a temporary queue of its own.
/// </summary>
public static class BrokerClient
{
    public static async Task PublishAsync<T>(string amqpConnectionString, T message, Guid messageId) where T : class
    {
        var bus = CreateBus(amqpConnectionString, _ => { });
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public static async Task<MessageRecorder<T>> ListenAsync<T>(string amqpConnectionString) where T : class
    {
        var recorder = new MessageRecorder<T>();
        var bus = CreateBus(amqpConnectionString, rabbit => rabbit.ReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.AutoDelete = true;
            endpoint.Durable = false;
            endpoint.Handler<T>(context =>
            {
                recorder.Record(context.Message);
                return Task.CompletedTask;
            });
        }));
        await bus.StartAsync();
        recorder.Bus = bus;
        return recorder;
    }

    /// <summary>amqp://user:pass@host:port — the AppHost's format — parsed so MassTransit gets the parts separately.</summary>
    private static IBusControl CreateBus(string amqpConnectionString, Action<IRabbitMqBusFactoryConfigurator> configure)
    {
        var uri = new Uri(amqpConnectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        return Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(uri.Host, (ushort)(uri.Port > 0 ? uri.Port : 5672), "/", host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
                host.PublisherConfirmation = true;
            });
            configure(rabbit);
        });
    }
}

/// <summary>Messages of one type seen on the broker since listening began.</summary>
public sealed class MessageRecorder<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> _messages = new();

    internal IBusControl? Bus { get; set; }

    public IReadOnlyList<T> Messages => [.. _messages];

    internal void Record(T message) => _messages.Enqueue(message);

    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!_messages.Any(match))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {typeof(T).Name} arrived that matched.");
            await Task.Delay(50);
        }
        return [.. _messages.Where(match)];
    }

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
            await Bus.StopAsync();
    }
}
