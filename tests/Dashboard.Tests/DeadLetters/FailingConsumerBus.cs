using System.Collections.Concurrent;
using MassTransit;

namespace Outreach.Dashboard.Tests.DeadLetters;

public sealed record PingRequested(string Text);

/// <summary>A message as the consumer received it: its id and the headers it arrived with.</summary>
public sealed record ReceivedPing(Guid? MessageId, string Text, IReadOnlyDictionary<string, object> Headers);

/// <summary>
/// A real MassTransit bus with one receive endpoint whose consumer throws while <see cref="Failing"/> is set. No
/// retry is configured, so MassTransit itself moves a failed message to <c>&lt;queue&gt;_error</c>, with its own headers.
/// </summary>
public sealed class FailingConsumerBus : IAsyncDisposable
{
    public const string FailureText = "ping could not be handled (on purpose)";

    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<ReceivedPing> _received = new();
    private volatile bool _failing = true;

    private FailingConsumerBus(string amqpConnectionString, string queue)
    {
        Queue = queue;
        var uri = new Uri(amqpConnectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint(queue, endpoint => endpoint.Handler<PingRequested>(context =>
            {
                if (_failing)
                {
                    throw new InvalidOperationException(FailureText);
                }

                _received.Enqueue(new ReceivedPing(context.MessageId, context.Message.Text,
                    context.Headers.GetAll().ToDictionary(header => header.Key, header => header.Value, StringComparer.Ordinal)));
                return Task.CompletedTask;
            }));
        });
    }

    public string Queue { get; }

    public string ErrorQueue => Queue + "_error";

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public IReadOnlyList<ReceivedPing> Received => [.. _received];

    public static async Task<FailingConsumerBus> StartAsync(string amqpConnectionString)
    {
        var bus = new FailingConsumerBus(amqpConnectionString, $"dashboard-ping-{Guid.NewGuid():N}");
        await bus._bus.StartAsync();
        return bus;
    }

    /// <summary>Sends straight to the endpoint's queue with a chosen message id.</summary>
    public async Task SendAsync(string text, Guid messageId)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{Queue}"));
        await endpoint.Send(new PingRequested(text), context => context.MessageId = messageId);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
