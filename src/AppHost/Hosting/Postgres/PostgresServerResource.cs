using Npgsql;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Postgres;

/// <summary>A PostgreSQL server run from the machine's binaries, or an external one given by connection string.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public const string DefaultUserName = "postgres";

    public override string ResourceType => "Postgres";

    public IList<PostgresDatabaseResource> Databases { get; } = [];

    /// <summary>Set when configuration supplies <c>ConnectionStrings:&lt;name&gt;</c>: no local server is started.</summary>
    public string? ExternalConnectionString { get; internal set; }

    public bool IsExternal => ExternalConnectionString is not null;

    public string Host { get; } = "127.0.0.1";

    public int Port { get; internal set; }

    public string UserName { get; } = DefaultUserName;

    internal string Password { get; set; } = "";

    public string GetConnectionString() =>
        ExternalConnectionString ?? $"Host={Host};Port={Port};Username={UserName};Password={Password}";

    /// <summary>The server's connection string pointed at one database.</summary>
    public string GetConnectionString(string databaseName)
    {
        if (ExternalConnectionString is null)
        {
            return $"{GetConnectionString()};Database={databaseName}";
        }

        return new NpgsqlConnectionStringBuilder(ExternalConnectionString) { Database = databaseName }.ConnectionString;
    }
}
