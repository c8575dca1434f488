namespace Outreach.IdentityService.LinkedIn;

public static class LinkedInProviderExtensions
{
    public const string ClientName = "linkedin-provider";

    /// <summary>
    /// The provider client. Its base URL comes from service discovery (`services:linkedin-sandbox:http:0`, set by the
    /// AppHost) unless `LinkedIn:Provider:BaseUrl` names a real provider; `LinkedIn:Provider:ApiKey` is sent as X-API-KEY.
    /// </summary>
    public static IHostApplicationBuilder AddLinkedInProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddHttpClient<ILinkedInProvider, SandboxProviderClient>(ClientName, http =>
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
        return builder;
    }
}
