using Microsoft.AspNetCore.Authentication;
using Outreach.EventSourcing;
using Outreach.SeatService.Auth;
using Outreach.SeatService.Connect;
using Outreach.SeatService.EventStore;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("seatsdb");
        builder.AddIdempotencyKeys();
        builder.AddPerKeyRateLimits();
        builder.Services.AddEventStore(SeatEventStore.Configure).AddRelay(SeatRelay.Configure);
        builder.AddMessaging(queuePrefix: "seat-service");

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessKeyAuthenticationHandler>(AccessKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessKeyAuthenticationHandler.SchemeName, p => p.AddAuthenticationSchemes(AccessKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(OperatorAuthenticationHandler.SchemeName, p => p.AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName).RequireRole("operator"));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessKeyDirectory>();
        builder.Services.AddSingleton<Seats.UserListCache>();
        builder.Services.Configure<ConnectLinkOptions>(builder.Configuration.GetSection("ConnectLinks"));
        builder.Services.AddSingleton<ConnectLinks>();
        builder.Services.AddSingleton<ConnectLinkState>();
        // A wait identity-service would refuse fails the start, not every person's sign-in later.
        builder.Services.AddOptions<ConnectLinkedInOptions>().Bind(builder.Configuration.GetSection(ConnectLinkedInOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<IdentityServiceClient>().AddServiceDiscovery();
        builder.Services.AddAntiforgery();
        // Only the connect pages protect anything (their antiforgery tokens): the key ring loads on the first of them.
        DataProtectionKeyRing.LoadOnFirstUse(builder.Services);
    }
}
