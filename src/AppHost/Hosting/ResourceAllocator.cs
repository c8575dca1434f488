using Microsoft.Extensions.Configuration;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting;

/// <summary>
/// Gives every resource its ports and credentials before anything starts, so connection strings are known
/// up front. Generated values are kept in the data directory and reused by later runs.
/// </summary>
internal static class ResourceAllocator
{
    public static ResourceAllocation Allocate(DistributedApplicationModel model, DataDirectory dataDirectory, IConfiguration configuration, bool allowExternal, bool withDashboard)
    {
        var secrets = new JsonValueStore(dataDirectory.Combine("secrets.json"), ownerOnly: true);
        var ports = new PortAllocator(new JsonValueStore(dataDirectory.Combine("ports.json"), ownerOnly: false));
        foreach (var resource in model.Resources)
        {
            var external = allowExternal ? configuration.GetConnectionString(resource.Name) : null;
            switch (resource)
            {
                case PostgresServerResource server when !string.IsNullOrWhiteSpace(external):
                    server.ExternalConnectionString = external;
                    break;
                case PostgresServerResource server:
                    server.Port = ports.Allocate(server.Name);
                    server.Password = secrets.GetOrCreate($"{server.Name}-password", () => SecretGenerator.Create());
                    break;
                case RabbitMQServerResource broker when !string.IsNullOrWhiteSpace(external):
                    broker.ExternalConnectionString = external;
                    break;
                case RabbitMQServerResource broker:
                    broker.Port = ports.Allocate(broker.Name);
                    broker.DistributionPort = ports.Allocate($"{broker.Name}-dist");
                    broker.EpmdPort = ports.Allocate($"{broker.Name}-epmd");
                    broker.Password = secrets.GetOrCreate($"{broker.Name}-password", () => SecretGenerator.Create());
                    // Mnesia data is tied to the node name, so the name is kept with the data.
                    var nodeId = secrets.GetOrCreate($"{broker.Name}-node-id", () => SecretGenerator.Create(10).ToLowerInvariant());
                    broker.NodeName = $"outreach-{nodeId}@localhost";
                    break;
                case ProjectResource project:
                    project.HttpPorts.Clear();
                    for (var replica = 0; replica < project.Replicas; replica++)
                    {
                        project.HttpPorts.Add(ports.Allocate(project.InstanceName(replica)));
                    }

                    break;
            }
        }

        var operatorToken = OperatorTokens.GetOrCreate(secrets);
        if (!withDashboard)
        {
            return new ResourceAllocation(operatorToken, null, null);
        }

        // The port and the OTLP key stay from run to run, like the others; the browser token is new every run, as in Aspire.
        return new ResourceAllocation(
            operatorToken,
            ports.Allocate("dashboard"),
            secrets.GetOrCreate("otlp_api_key", () => SecretGenerator.Create(32)));
    }
}

/// <summary>What the allocator decided beyond the resources themselves.</summary>
internal sealed record ResourceAllocation(string OperatorToken, int? DashboardPort, string? OtlpApiKey);
