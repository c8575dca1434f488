using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.RabbitMQ;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>Fails before anything starts when a server the model needs is not installed, naming the fix.</summary>
internal static class Prerequisites
{
    private static readonly string[] PostgresPrograms = ["initdb", "postgres"];

    public static void Verify(DistributedApplicationModel model, HostingSettings settings)
    {
        var problems = new List<string>();
        if (model.Resources.OfType<PostgresServerResource>().Any(server => !server.IsExternal))
        {
            var missing = PostgresPrograms.Where(name => !File.Exists(Path.Combine(settings.PostgresBinDirectory, name))).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"PostgreSQL is not installed: {string.Join(" and ", missing)} not found in {settings.PostgresBinDirectory}. "
                    + "Install it with: apt-get install -y postgresql-15 (or set AppHost:Postgres:BinDirectory, or give ConnectionStrings:postgres to use an existing server).");
            }
        }

        if (model.Resources.OfType<RabbitMQServerResource>().Any(broker => !broker.IsExternal) && !File.Exists(settings.RabbitMQServerPath))
        {
            problems.Add($"RabbitMQ is not installed: {settings.RabbitMQServerPath} not found. "
                + "Install it with: apt-get install -y rabbitmq-server (or set AppHost:RabbitMQ:ServerPath, or give ConnectionStrings:rabbitmq to use an existing broker).");
        }

        if (problems.Count > 0)
        {
            throw new DistributedApplicationException(string.Join(Environment.NewLine, problems));
        }
    }
}
