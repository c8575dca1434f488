using Microsoft.Extensions.Configuration;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting;

/// <summary>Collects resource declarations; <see cref="Build"/> turns them into a runnable application.</summary>
public interface IDistributedApplicationBuilder
{
    IConfigurationManager Configuration { get; }

    DistributedApplicationOptions Options { get; }

    IList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    DistributedApplication Build();
}
