using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.RabbitMQ;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// A copy of every message published on the AppHost's broker, through RabbitMQ's firehose: <c>rabbitmqctl trace_on</c>
/// makes the node publish each message again to <c>amq.rabbitmq.trace</c> (routing key <c>publish.&lt;exchange&gt;</c>),
/// where a queue of ours is bound. Unlike binding to each exchange, it also sees exchanges created after it started.
/// </summary>
public sealed class BrokerFirehose : IAsyncDisposable
{
    private const string TraceExchange = "amq.rabbitmq.trace";
    private readonly ConcurrentQueue<string> _messages = new();
    private IConnection? _connection;
    private IChannel? _channel;

    public IReadOnlyCollection<string> Messages => _messages;

    public static async Task<BrokerFirehose> StartAsync(DistributedApplication app, string amqpConnectionString)
    {
        var broker = app.Model.Resources.OfType<RabbitMQServerResource>().Single();
        // Each rabbitmqctl run boots an Erlang VM: on two busy cores that can take a minute; a stuck one is retried.
        try
        {
            await RabbitmqctlAsync(broker, "trace_on");
        }
        catch (TimeoutException)
        {
            await RabbitmqctlAsync(broker, "trace_on");
        }
        var firehose = new BrokerFirehose();
        var factory = new ConnectionFactory { Uri = new Uri(amqpConnectionString) };
        firehose._connection = await factory.CreateConnectionAsync();
        firehose._channel = await firehose._connection.CreateChannelAsync();
        var queue = (await firehose._channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await firehose._channel.QueueBindAsync(queue, TraceExchange, "publish.#");
        var consumer = new AsyncEventingBasicConsumer(firehose._channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            firehose._messages.Enqueue(Describe(delivery));
            return Task.CompletedTask;
        };
        await firehose._channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return firehose;
    }

    /// <summary>The routing key, every header (the firehose puts the original properties there) and the body.</summary>
    private static string Describe(BasicDeliverEventArgs delivery)
    {
        var text = new StringBuilder(delivery.RoutingKey).Append('\n');
        foreach (var (name, value) in delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
            text.Append(name).Append('=').Append(HeaderText(value)).Append('\n');
        text.Append(Encoding.UTF8.GetString(delivery.Body.Span));
        return text.ToString();
    }

    private static string HeaderText(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IDictionary<string, object?> table => string.Join(",", table.Select(e => e.Key + "=" + HeaderText(e.Value))),
        IEnumerable<object?> list => string.Join(",", list.Select(HeaderText)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Waits until a message satisfying <paramref name="seen"/> has been copied to us.</summary>
    public async Task WaitForAsync(Func<string, bool> seen, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!_messages.Any(seen))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The firehose never carried the awaited message.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
            await _channel.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    /// <summary>
    /// rabbitmqctl against the AppHost's private node, as the AppHost's own queue catalog runs it: the node's epmd
    /// port, as the rabbitmq user (whose Erlang cookie the node has) when we are root, no machine env file.
    /// </summary>
    private static async Task RabbitmqctlAsync(RabbitMQServerResource broker, string command)
    {
        var rabbitmqctl = Path.Combine(Path.GetDirectoryName(HostingSettings.DefaultRabbitMQServerPath)!, "rabbitmqctl");
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo { FileName = root ? "setpriv" : rabbitmqctl, RedirectStandardOutput = true, RedirectStandardError = true };
        if (root)
        {
            foreach (var argument in new[] { "--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "--", rabbitmqctl })
                start.ArgumentList.Add(argument);
            start.Environment["HOME"] = "/var/lib/rabbitmq";
        }
        foreach (var argument in new[] { "-n", broker.NodeName, "-q", command })
            start.ArgumentList.Add(argument);
        start.Environment["ERL_EPMD_PORT"] = broker.EpmdPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_CONF_ENV_FILE"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rabbitmqctl {command} did not finish within 120 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {await output}{await errors}");
    }
}
