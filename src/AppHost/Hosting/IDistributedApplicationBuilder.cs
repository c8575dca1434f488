using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting;

/// <summary>Collects resource declarations; <see cref="Build"/> turns them into a runnable application.</summary>
public interface IDistributedApplicationBuilder
{
    IConfigurationManager Configuration { get; }

    DistributedApplicationOptions Options { get; }

    /// <summary>The host's services: later features (the dashboard) register their own hosted services here.</summary>
    IServiceCollection Services { get; }

    IList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    DistributedApplication Build();
}
