using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// <c>AddAuthentication</c> registers ASP.NET Core data protection, and with it a hosted service that loads the key ring
/// as the service starts: it parses the XML key store and, on a first run, writes a new key under <c>$HOME/.aspnet</c>.
/// A service whose only scheme is an access key never protects anything, so that is start-up time, about 4 MB of
/// resident XML code and a file outside the data directory for nothing. Without the hosted service the ring is still
/// there: it loads on first use, as it would in an application that never started the host's services. A service
/// that does protect (seat-service's antiforgery on the connect pages) pays the load on its first such request instead.
/// </summary>
public static class DataProtectionKeyRing
{
    private const string EagerLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Call after everything that adds data protection (AddAuthentication, AddAntiforgery).</summary>
    public static void LoadOnFirstUse(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == EagerLoader)
                services.RemoveAt(i);
        }
    }
}
