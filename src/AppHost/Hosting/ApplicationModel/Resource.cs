namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>Common bookkeeping of every declared resource: what it waits for and what it references.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    /// <summary>The type shown in the console view and in apphost.json (Aspire's names).</summary>
    public abstract string ResourceType { get; }

    public IList<IResource> WaitsFor { get; } = [];

    public IList<IResource> References { get; } = [];

    /// <summary>Extra environment given with <c>WithEnvironment</c>, applied when the process is launched.</summary>
    public IList<Action<EnvironmentCallbackContext>> EnvironmentCallbacks { get; } = [];

    public override string ToString() => $"{ResourceType} {Name}";
}
