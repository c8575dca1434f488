using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.ServiceDefaults.Auth;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Access keys for services that do not own them. Keys live in seat-service's database, which no other service reads;
/// so the scheme asks seat-service (<c>GET /v1/access-keys/current</c>, found through service discovery), caches the
/// answer briefly, and forgets a key as soon as seat-service publishes AccessKeyRevoked.
/// <code>
/// builder.AddRemoteAccessKeyAuthentication();
/// builder.AddMessaging(bus => bus.AddAccessKeyRevocations(), queuePrefix: "identity-service");
/// </code>
/// </summary>
public static class RemoteAccessKeyExtensions
{
    public static TBuilder AddRemoteAccessKeyAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var seatService = builder.Configuration[RemoteAccessKeyOptions.SeatServiceUrlKey];
        if (!Uri.TryCreate(seatService, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                $"{RemoteAccessKeyOptions.SeatServiceUrlKey} is missing or not a URL. Run the service under the AppHost " +
                "(WithReference(seatService)), or set services__seat-service__http__0=\"http://localhost:5000\".");
        }

        var section = builder.Configuration.GetSection(RemoteAccessKeyOptions.SectionName);
        builder.Services.AddOptions<RemoteAccessKeyOptions>().Bind(section);
        var timeout = section.Get<RemoteAccessKeyOptions>()?.Timeout ?? new RemoteAccessKeyOptions().Timeout;

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RemoteAccessKeyCache>();
        builder.Services.AddServiceDiscovery();
        builder.Services.AddHttpClient<SeatServiceAccessKeys>(client =>
            {
                client.BaseAddress = RemoteAccessKeyOptions.SeatServiceAddress;
                client.Timeout = timeout;
            })
            .AddServiceDiscovery()
            // The default already hides header values; said here because these headers carry the credential.
            .RedactLoggedHeaders(_ => true);
        builder.Services.AddTransient<IStartupFilter, RevocationWiringCheck>();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, RemoteAccessKeyAuthenticationHandler>(AccessKeyScheme.Name, null);
        DataProtectionKeyRing.LoadOnFirstUse(builder.Services);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="AccessKeyRevokedConsumer"/> (the convention scan covers only the service's own assembly).
    /// Its queue is per instance, not only per service: every replica holds its own cache, so every replica must hear
    /// of the revocation. The queue is temporary (deleted when the instance goes), since a stopped instance has no cache
    /// to evict.
    /// </summary>
    public static IBusRegistrationConfigurator AddAccessKeyRevocations(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<AccessKeyRevokedConsumer>().Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
        return bus;
    }
}
