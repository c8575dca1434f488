namespace Outreach.AppHost.Hosting.Eventing;

/// <summary>What an <c>OnResourceReady</c> callback gets: the resource that became healthy and the application's services.</summary>
public sealed class ResourceReadyContext<T>(T resource, IServiceProvider services)
{
    public T Resource { get; } = resource;

    public IServiceProvider Services { get; } = services;
}
