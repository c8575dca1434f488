using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Eventing;
using Outreach.AppHost.Hosting.Orchestration;

namespace Outreach.AppHost.Hosting;

public static class ResourceReadyBuilderExtensions
{
    /// <summary>
    /// Runs <paramref name="callback"/> once, when the resource first becomes Running and Healthy (Aspire's OnResourceReady).
    /// Failures are logged and do not stop the application.
    /// </summary>
    public static IResourceBuilder<T> OnResourceReady<T>(this IResourceBuilder<T> builder, Func<ResourceReadyContext<T>, CancellationToken, Task> callback)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(callback);
        // Registered as a plain IHostedService: AddHostedService would keep only the first hook of each resource type.
        builder.ApplicationBuilder.Services.AddSingleton<IHostedService>(provider => new ResourceReadyHook<T>(
            builder.Resource,
            callback,
            provider,
            provider.GetRequiredService<ResourceNotificationService>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Outreach.AppHost")));
        return builder;
    }
}
