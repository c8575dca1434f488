using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;
using Outreach.IdentityService.EventStore;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.IdentityService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // One pool for everything the service does (event store, gates, idempotency keys, health): the connection budget
        // holds only if no part builds a pool of its own. Auto-prepare as the event store's own pool had it.
        builder.AddNpgsqlDataSource(IdentityEventStore.ConnectionName, source => source.ConnectionStringBuilder.MaxAutoPrepare = 64);
        builder.AddIdempotencyKeys();
        builder.AddPerKeyRateLimits();
        builder.Services.AddEventStore(IdentityEventStore.Configure)
        .AddRelay(IdentityRelay.Configure);
        // Consumers of this assembly by convention, plus the revocation consumer the key cache needs.
        builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: "identity-service");

        // Access keys belong to seat-service; this service asks it, and tenant routes require the same policy as there.
        builder.AddRemoteAccessKeyAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessKeyScheme.Name, p => p.AddAuthenticationSchemes(AccessKeyScheme.Name).RequireAuthenticatedUser());

        builder.Services.Configure<LoginWatcherOptions>(builder.Configuration.GetSection("LinkedIn:LoginWatcher"));
        builder.Services.AddHostedService<LoginWatcher>();
        builder.Services.Configure<LoginThrottleOptions>(builder.Configuration.GetSection(LoginThrottleOptions.SectionName));
        builder.Services.AddSingleton<LoginThrottle>();
        builder.AddLinkedInProviderClient<ILinkedInProvider, SandboxProviderClient>();
    }
}
