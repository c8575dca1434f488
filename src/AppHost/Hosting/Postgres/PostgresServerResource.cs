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

    /// <remarks>
    /// SSL Mode=Disable: the AppHost's server listens on loopback only and runs without TLS, so negotiating it only
    /// costs a round trip per open, and Npgsql's cancel request negotiates it synchronously on a server that may be
    /// the one not answering, which doubles the time a cancelled query waits on a hung server.
    /// </remarks>
    public string GetConnectionString() =>
        ExternalConnectionString ?? $"Host={Host};Port={Port};Username={UserName};Password={Password};SSL Mode=Disable";

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
