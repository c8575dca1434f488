using System.Globalization;
using System.Text.Json;
using Outreach.AppHost.Hosting.Processes;
using Outreach.Dashboard.DeadLetters;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>
/// Lists the queues of the AppHost's own RabbitMQ node for the dashboard's dead-letter page. AMQP cannot list queues
/// and the management plugin is off on purpose (cold start), so this asks the node the way an operator would:
/// <c>rabbitmqctl -n &lt;node&gt; list_queues --formatter json name messages</c>, with the node's private epmd port and
/// as the user whose Erlang cookie the node uses. Each call starts an Erlang VM (about a second of CPU), so the
/// answer is kept a few seconds and concurrent callers share one run; the dashboard reads live counts itself.
/// </summary>
public sealed class RabbitMQQueueCatalog : IBrokerQueueCatalog, IDisposable
{
    private const string SystemUserName = "rabbitmq";
    private const string SystemUserHome = "/var/lib/rabbitmq";
    // Twice the dead-letter page's refresh: an open page runs the CLI every other round, not every round. A new
    // error queue shows within this; counts of listed queues are live regardless.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(20);

    private readonly RabbitMQServerResource _broker;
    private readonly string _rabbitmqctlPath;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _oneRun = new(1, 1);
    private IReadOnlyList<BrokerQueueInfo>? _last;
    private DateTimeOffset _lastAt;

    public RabbitMQQueueCatalog(RabbitMQServerResource broker, HostingSettings settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(settings);
        _broker = broker;
        // rabbitmqctl ships beside rabbitmq-server in the package's bin directory.
        _rabbitmqctlPath = Path.Combine(Path.GetDirectoryName(settings.RabbitMQServerPath) ?? "", "rabbitmqctl");
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<BrokerQueueInfo>> ListQueuesAsync(CancellationToken cancellationToken)
    {
        if (_broker.IsExternal)
        {
            throw new BrokerQueueCatalogException("The broker is external; its queues can only be listed on its own machine.");
        }

        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            if (_last is not null && _clock.GetUtcNow() - _lastAt < CacheFor)
            {
                return _last;
            }

            _last = await RunAsync(cancellationToken);
            _lastAt = _clock.GetUtcNow();
            return _last;
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<IReadOnlyList<BrokerQueueInfo>> RunAsync(CancellationToken cancellationToken)
    {
        var startInfo = SystemUser.StartInfo(SystemUserName, _rabbitmqctlPath,
            ["-n", _broker.NodeName, "-q", "list_queues", "--formatter", "json", "name", "messages"]);
        startInfo.Environment["ERL_EPMD_PORT"] = _broker.EpmdPort.ToString(CultureInfo.InvariantCulture);
        // The node was started with an empty env file; the machine's /etc/rabbitmq/rabbitmq-env.conf must not steer the CLI elsewhere.
        startInfo.Environment["RABBITMQ_CONF_ENV_FILE"] = "/dev/null";
        if (SystemUser.IsRoot)
        {
            // setpriv keeps root's HOME; the node's cookie is the rabbitmq user's.
            startInfo.Environment["HOME"] = SystemUserHome;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync(startInfo, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerQueueCatalogException($"rabbitmqctl did not answer within {RunTimeout.TotalSeconds:0} s.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BrokerQueueCatalogException($"rabbitmqctl could not be started ({_rabbitmqctlPath}): {e.Message}", e);
        }

        if (result.ExitCode != 0)
        {
            throw new BrokerQueueCatalogException($"rabbitmqctl list_queues failed ({result.ExitCode.ToString(CultureInfo.InvariantCulture)}): {result.Output}");
        }

        return Parse(result.Output);
    }

    /// <summary>The JSON formatter prints one array of {"name","messages"} objects.</summary>
    internal static IReadOnlyList<BrokerQueueInfo> Parse(string output)
    {
        var start = output.IndexOf('[', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new BrokerQueueCatalogException($"rabbitmqctl printed no queue list: {output}");
        }

        try
        {
            using var document = JsonDocument.Parse(output[start..]);
            return [.. document.RootElement.EnumerateArray().Select(queue => new BrokerQueueInfo(
                queue.GetProperty("name").GetString() ?? "",
                queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new BrokerQueueCatalogException($"rabbitmqctl printed a queue list that could not be read: {output}", e);
        }
    }

    public void Dispose() => _oneRun.Dispose();
}
