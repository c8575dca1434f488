using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>A RabbitMQ node run from the machine's rabbitmq-server, or an external broker given by connection string.</summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public const string DefaultUserName = "outreach";

    public override string ResourceType => "RabbitMQ";

    public string? ExternalConnectionString { get; internal set; }

    public bool IsExternal => ExternalConnectionString is not null;

    public string Host { get; } = "127.0.0.1";

    public int Port { get; internal set; }

    /// <summary>Erlang distribution port, kept private to this node.</summary>
    public int DistributionPort { get; internal set; }

    /// <summary>Port of this node's own epmd, so nothing is shared with other Erlang nodes on the machine.</summary>
    public int EpmdPort { get; internal set; }

    public string NodeName { get; internal set; } = "";

    public string UserName { get; } = DefaultUserName;

    internal string Password { get; set; } = "";

    public string GetConnectionString() =>
        ExternalConnectionString ?? $"amqp://{UserName}:{Password}@{Host}:{Port}";
}
