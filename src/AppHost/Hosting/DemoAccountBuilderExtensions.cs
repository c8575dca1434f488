using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Demo;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting;

public static class DemoAccountBuilderExtensions
{
    /// <summary>
    /// When the project (seat-service) is first healthy, makes sure a demo account and key exist and shows them in
    /// apphost.json under <c>demo</c>. Created once through the project's operator API (so it needs
    /// <c>WithOperatorToken()</c>) and kept in the data directory; <c>--fresh</c> makes a new one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoAccount(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.OnResourceReady(static async (context, cancellationToken) =>
        {
            // Any replica will do: they share one database.
            using var http = new HttpClient { BaseAddress = new Uri($"{context.Resource.HttpUrls.First()}/"), Timeout = TimeSpan.FromSeconds(10) };
            var stateFile = context.Services.GetRequiredService<AppHostStateFile>();
            var provisioner = new DemoAccountProvisioner(
                new DemoCredentialStore(context.Services.GetRequiredService<DataDirectory>()),
                new SeatServiceOperatorClient(http, stateFile.OperatorToken),
                stateFile,
                context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Outreach.AppHost"),
                DemoAccountProvisioner.DefaultRetryDelays);
            await provisioner.ProvisionAsync(cancellationToken);
        });
    }
}
