using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outreach.ServiceDefaults.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

public static class ProviderResilienceExtensions
{
    /// <summary>Adds the provider resilience pipeline to a named/typed HttpClient, configured from "Resilience:&lt;name&gt;".</summary>
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddOptions<ProviderResilienceOptions>(client.Name).Bind(configuration.GetSection($"Resilience:{client.Name}"));
        return client.AddHttpMessageHandler(services => new ProviderResilienceHandler(
            Microsoft.Extensions.Options.Options.Create(services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ProviderResilienceOptions>>().Get(client.Name))));
    }
}
