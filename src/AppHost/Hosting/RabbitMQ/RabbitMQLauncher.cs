using System.Diagnostics;
using System.Globalization;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.Processes;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>
/// Runs the machine's rabbitmq-server as a private node: its own node name, ports, epmd, directories,
/// configuration and credentials, all on loopback.
/// </summary>
internal sealed class RabbitMQLauncher(RabbitMQServerResource broker, DataDirectory dataDirectory, HostingSettings settings) : IResourceLauncher
{
    private const string SystemUserName = "rabbitmq";

    // When root, setpriv keeps root's HOME; the rabbitmq user's Erlang cookie lives in its own home.
    private const string SystemUserHome = "/var/lib/rabbitmq";

    private string Home => dataDirectory.Combine(broker.Name);

    private string ConfigFile => Path.Combine(Home, "rabbitmq.conf");

    // The trimmed server home's script once PrepareAsync has built it (RabbitMQServerHome).
    private string _serverPath = settings.RabbitMQServerPath;

    public IReadOnlyList<string> Urls => broker.IsExternal ? [] : [$"amqp://{broker.Host}:{broker.Port}"];

    // The server script turns SIGTERM into an orderly "rabbitmqctl stop".
    public int GracefulStopSignal => UnixSignal.Terminate;

    public TimeSpan GracefulStopTimeout => TimeSpan.FromSeconds(20);

    public int? EpmdPort => broker.IsExternal ? null : broker.EpmdPort;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (broker.IsExternal)
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(Home, "mnesia"));
        Directory.CreateDirectory(Path.Combine(Home, "log"));
        // A clean slate for epmd: a leftover from a killed node would otherwise keep the port.
        await EpmdDaemon.StopAsync(broker.EpmdPort);
        await File.WriteAllTextAsync(ConfigFile, RabbitMQConfiguration.Render(broker), cancellationToken);
        File.SetUnixFileMode(ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // No plugins: the node starts faster and opens no port beyond AMQP.
        await File.WriteAllTextAsync(Path.Combine(Home, "enabled_plugins"), "[].\n", cancellationToken);
        // Read instead of /etc/rabbitmq/rabbitmq-env.conf, so the machine's settings cannot move this node.
        await File.WriteAllTextAsync(Path.Combine(Home, "rabbitmq-env.conf"), "", cancellationToken);
        // Only the applications the core broker needs, so that its boot does not scan the other plugins.
        _serverPath = RabbitMQServerHome.Prepare(settings.RabbitMQServerPath, Path.Combine(Home, "server"));
        await SystemUser.GiveOwnershipAsync(SystemUserName, Home, cancellationToken);
    }

    public ProcessStartInfo? CreateStartInfo()
    {
        if (broker.IsExternal)
        {
            return null;
        }

        var startInfo = SystemUser.StartInfo(SystemUserName, _serverPath, []);
        startInfo.WorkingDirectory = Home;
        var environment = startInfo.Environment;
        environment["RABBITMQ_NODENAME"] = broker.NodeName;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = broker.Host;
        environment["RABBITMQ_NODE_PORT"] = Text(broker.Port);
        environment["RABBITMQ_DIST_PORT"] = Text(broker.DistributionPort);
        environment["ERL_EPMD_PORT"] = Text(broker.EpmdPort);
        environment["ERL_EPMD_ADDRESS"] = broker.Host;
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(Home, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(Home, "log");
        environment["RABBITMQ_CONFIG_FILE"] = ConfigFile;
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Home, "enabled_plugins");
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Home, "rabbitmq-env.conf");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(Home, "rabbitmq.pid");
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        if (SystemUser.IsRoot)
        {
            environment["HOME"] = SystemUserHome;
        }

        return startInfo;
    }

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (!broker.IsExternal)
        {
            return AmqpProbe.AnswersAsync(broker.Host, broker.Port, cancellationToken);
        }

        var uri = new Uri(broker.GetConnectionString());
        return AmqpProbe.AnswersAsync(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port, cancellationToken);
    }

    public Task OnFirstHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnStoppedAsync() => broker.IsExternal ? Task.CompletedTask : EpmdDaemon.StopAsync(broker.EpmdPort);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
