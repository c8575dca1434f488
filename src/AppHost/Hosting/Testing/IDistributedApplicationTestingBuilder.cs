using Outreach.AppHost.Hosting;

namespace Outreach.AppHost.Testing;

/// <summary>The AppHost's declarations, taken from its entry point, ready to adjust and build for a test.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
