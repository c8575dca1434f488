namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>A resource whose start can be held back until its dependencies are healthy.</summary>
public interface IResourceWithWaitSupport : IResource;
