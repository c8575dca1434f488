namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>A resource that is handed environment variables (references, OTEL settings, URLs).</summary>
public interface IResourceWithEnvironment : IResource;
