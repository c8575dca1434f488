using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>One supervisor per process to run: a server, or a replica of a project. Databases follow their server.</summary>
internal static class SupervisorFactory
{
    public static IReadOnlyList<ResourceSupervisor> Create(
        DistributedApplicationModel model, DataDirectory dataDirectory, HostingSettings settings, string operatorToken, SupervisorServices services, HttpClient healthClient)
    {
        var supervisors = new List<ResourceSupervisor>();
        foreach (var resource in model.Resources.OfType<Resource>())
        {
            var waitsFor = resource.WaitsFor.Select(dependency => dependency.Name).ToList();
            switch (resource)
            {
                case PostgresServerResource server:
                    supervisors.Add(new ResourceSupervisor(server.Name, server, new PostgresLauncher(server, dataDirectory, settings), waitsFor, services));
                    break;
                case PostgresDatabaseResource database:
                    services.Notifications.Publish(DatabaseStateMirror.InitialSnapshot(database));
                    break;
                case RabbitMQServerResource broker:
                    supervisors.Add(new ResourceSupervisor(broker.Name, broker, new RabbitMQLauncher(broker, dataDirectory, settings), waitsFor, services));
                    break;
                case ProjectResource project:
                    for (var replica = 0; replica < project.Replicas; replica++)
                    {
                        var launcher = new ProjectLauncher(project, replica, settings, operatorToken, healthClient);
                        supervisors.Add(new ResourceSupervisor(project.InstanceName(replica), project, launcher, waitsFor, services));
                    }

                    break;
            }
        }

        return supervisors;
    }
}
