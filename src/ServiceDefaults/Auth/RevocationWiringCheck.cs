using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// Refuses to start a service that caches key checks but does not consume AccessKeyRevoked: it would keep accepting
/// a revoked key for the whole positive cache lifetime, and nothing else would show it.
/// </summary>
internal sealed class RevocationWiringCheck(IServiceProviderIsService services) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        if (!services.IsService(typeof(AccessKeyRevokedConsumer)))
        {
            throw new InvalidOperationException(
                "AddRemoteAccessKeyAuthentication needs the revocation consumer on the bus: " +
                "builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: \"<service>\").");
        }
        return next;
    }
}
