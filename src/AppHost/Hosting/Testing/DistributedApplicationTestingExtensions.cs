using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Projects;

namespace Outreach.AppHost.Testing;

/// <summary>Aspire.Hosting.Testing's helpers: talk to a resource by name.</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>An HttpClient whose base address is the resource's (first replica's) HTTP endpoint.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (endpointName is not null && endpointName != "http")
        {
            throw new ArgumentException($"{resourceName} has only an 'http' endpoint.", nameof(endpointName));
        }

        return new HttpClient { BaseAddress = GetEndpoint(app, resourceName) };
    }

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Model.Find(resourceName) is ProjectResource project
            ? new Uri(project.HttpUrls.First())
            : throw new ArgumentException($"{resourceName} is not a project with an HTTP endpoint.", nameof(resourceName));
    }

    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(app.Model.Find(resourceName) is IResourceWithConnectionString resource ? resource.GetConnectionString() : null);
    }
}
