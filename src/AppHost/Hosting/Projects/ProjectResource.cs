using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Projects;

/// <summary>A .NET project run as <c>dotnet &lt;built dll&gt;</c>, once per replica.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithWaitSupport
{
    public override string ResourceType => "Project";

    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas { get; internal set; } = 1;

    /// <summary>One HTTP port per replica, allocated when the application is built.</summary>
    public IList<int> HttpPorts { get; } = [];

    public IEnumerable<string> HttpUrls => HttpPorts.Select(port => $"http://127.0.0.1:{port}");

    /// <summary>Replica instance names: the resource name alone when there is one replica.</summary>
    public string InstanceName(int replica) => Replicas == 1 ? Name : $"{Name}-{replica}";
}
