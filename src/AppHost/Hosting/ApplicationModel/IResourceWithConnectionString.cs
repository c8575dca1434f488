namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>A resource a project can reference to receive <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>Known once the application is built (ports and credentials are allocated by then).</summary>
    string GetConnectionString();
}
