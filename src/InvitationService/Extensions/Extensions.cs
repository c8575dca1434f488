using Outreach.EventSourcing;
using Outreach.InvitationService.EventStore;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Provider;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // One pool for everything the service does (event store, gates, idempotency keys, health): the connection budget
        // holds only if no part builds a pool of its own. Auto-prepare as the event store's own pool had it.
        builder.AddNpgsqlDataSource(InvitationEventStore.ConnectionName, source => source.ConnectionStringBuilder.MaxAutoPrepare = 64);
        builder.AddIdempotencyKeys();
        builder.AddPerKeyRateLimits();
        builder.Services.AddEventStore(InvitationEventStore.Configure)
        .AddRelay(InvitationRelay.Configure);
        // Consumers of this assembly by convention, plus the revocation consumer the key cache needs.
        builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: "invitation-service");

        // Access keys belong to seat-service; this service asks it, and tenant routes require the same policy as there.
        builder.AddRemoteAccessKeyAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessKeyScheme.Name, p => p.AddAuthenticationSchemes(AccessKeyScheme.Name).RequireAuthenticatedUser());
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddLinkedInProviderClient<IInvitationProvider, InvitationProviderClient>();
        builder.Services.Configure<InvitationOptions>(builder.Configuration.GetSection(InvitationOptions.SectionName));
        builder.Services.AddSingleton<SenderGate>();
        builder.Services.AddSingleton<QueueSignal>();
        builder.Services.AddSingleton<InvitationDispatcher>();
        builder.Services.AddHostedService<PacedSender>();
        builder.Services.AddHostedService<AcceptanceWatcher>();
    }
}
