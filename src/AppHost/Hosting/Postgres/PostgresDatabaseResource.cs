using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Postgres;

/// <summary>A database created on its server once the server is healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent, IResourceWithWaitSupport
{
    public override string ResourceType => "PostgresDatabase";

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    IResource IResourceWithParent.Parent => Parent;

    public string GetConnectionString() => Parent.GetConnectionString(DatabaseName);
}
