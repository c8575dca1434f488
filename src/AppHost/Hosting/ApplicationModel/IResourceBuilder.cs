namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>The handle a declaration returns, so declarations chain like Aspire's.</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    T Resource { get; }

    IDistributedApplicationBuilder ApplicationBuilder { get; }
}
