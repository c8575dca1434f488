using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>
/// A database has no process of its own: it is in its server's state, and healthy once the server is
/// healthy (the server turns healthy only after it has created its databases).
/// </summary>
internal sealed class DatabaseStateMirror
{
    private readonly ResourceNotificationService _notifications;
    private readonly Dictionary<string, List<PostgresDatabaseResource>> _databasesByServer;

    public DatabaseStateMirror(DistributedApplicationModel model, ResourceNotificationService notifications)
    {
        _notifications = notifications;
        _databasesByServer = model.Resources.OfType<PostgresDatabaseResource>()
            .GroupBy(database => database.Parent.Name)
            .ToDictionary(group => group.Key, group => group.ToList());
        notifications.Changed += Mirror;
    }

    /// <summary>Announces a database before its server has done anything, so it is listed from the start.</summary>
    public static ResourceSnapshot InitialSnapshot(PostgresDatabaseResource database) =>
        new(database.Name, database.Name, database.ResourceType, KnownResourceStates.NotStarted, null, null, [], 0, null, null);

    private void Mirror(ResourceSnapshot server)
    {
        if (!_databasesByServer.TryGetValue(server.Name, out var databases))
        {
            return;
        }

        foreach (var database in databases)
        {
            _notifications.Publish(new ResourceSnapshot(
                database.Name, database.Name, database.ResourceType, server.State, server.Health, null, [], server.RestartCount, null, server.Message));
        }
    }
}
