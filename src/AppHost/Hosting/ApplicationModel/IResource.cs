namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>Anything the AppHost declares and shows: a server, a database, a project.</summary>
public interface IResource
{
    string Name { get; }
}
