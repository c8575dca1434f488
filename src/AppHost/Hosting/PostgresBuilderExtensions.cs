using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;

namespace Outreach.AppHost.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>A PostgreSQL server from the machine's binaries (or the one ConnectionStrings:&lt;name&gt; names).</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new PostgresServerResource(name));
    }

    /// <summary>A database on the server, created once the server is up.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
