namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>Every declared resource, in declaration order.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(resource => resource.Name == name)
        ?? throw new ArgumentException($"No resource is named '{name}'.", nameof(name));
}
