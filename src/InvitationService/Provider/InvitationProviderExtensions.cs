namespace Outreach.InvitationService.Provider;

public static class InvitationProviderExtensions
{
    public const string ClientName = "linkedin-provider";

    /// <summary>
    /// The provider client, configured as identity-service's is: the base URL from service discovery
    /// (`services:linkedin-sandbox:http:0`) unless `LinkedIn:Provider:BaseUrl` names a real provider, `LinkedIn:Provider:ApiKey`
    /// as X-API-KEY, and ServiceDefaults' provider resilience pipeline (timeouts, retries of idempotent calls only, breaker).
    /// </summary>
    public static IHostApplicationBuilder AddInvitationProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddHttpClient<IInvitationProvider, InvitationProviderClient>(ClientName, http =>
            {
                var baseUrl = configuration["LinkedIn:Provider:BaseUrl"] is { Length: > 0 } configured
                    ? configured
                    : configuration["services:linkedin-sandbox:http:0"]
                      ?? throw new InvalidOperationException("No LinkedIn provider: set LinkedIn:Provider:BaseUrl, or run under the AppHost (services:linkedin-sandbox:http:0).");
                http.BaseAddress = new Uri(baseUrl);
                http.Timeout = TimeSpan.FromSeconds(30);
                if (configuration["LinkedIn:Provider:ApiKey"] is { Length: > 0 } apiKey)
                    http.DefaultRequestHeaders.Add("X-API-KEY", apiKey);
            })
            .AddProviderResilience(configuration);
        return builder;
    }
}
