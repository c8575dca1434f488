using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class LinkedInProviderClientExtensions
{
    /// <summary>The HttpClient name every service's LinkedIn provider client uses; its resilience settings live under "Resilience:linkedin-provider".</summary>
    public const string ClientName = "linkedin-provider";

    /// <summary>
    /// A typed client of the provider in front of LinkedIn, configured the same way in every service that calls it: the
    /// base URL from service discovery (`services:linkedin-sandbox:http:0`, set by the AppHost) unless
    /// `LinkedIn:Provider:BaseUrl` names a real provider, `LinkedIn:Provider:ApiKey` sent as X-API-KEY, and the provider
    /// resilience pipeline (per-attempt timeout, retries of idempotent calls only, circuit breaker).
    /// </summary>
    public static IHttpClientBuilder AddLinkedInProviderClient<TClient, TImplementation>(this IHostApplicationBuilder builder)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        return builder.Services.AddHttpClient<TClient, TImplementation>(ClientName, http =>
            {
                var baseUrl = configuration["LinkedIn:Provider:BaseUrl"] is { Length: > 0 } configured
                    ? configured
                    : configuration["services:linkedin-sandbox:http:0"]
                      ?? throw new InvalidOperationException("No LinkedIn provider: set LinkedIn:Provider:BaseUrl, or run under the AppHost (services:linkedin-sandbox:http:0).");
                http.BaseAddress = new Uri(baseUrl);
                // The pipeline's own per-attempt timeout governs; this is only the outer bound.
                http.Timeout = TimeSpan.FromSeconds(30);
                if (configuration["LinkedIn:Provider:ApiKey"] is { Length: > 0 } apiKey)
                    http.DefaultRequestHeaders.Add("X-API-KEY", apiKey);
            })
            .AddProviderResilience(configuration);
    }
}
