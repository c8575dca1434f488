using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.ServiceDefaults.Http.Idempotency;

namespace Microsoft.Extensions.Hosting;

public static class IdempotencyExtensions
{
    /// <summary>Idempotency keys kept in the service's database (the NpgsqlDataSource registered by AddNpgsqlDataSource).</summary>
    public static TBuilder AddIdempotencyKeys<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection(IdempotencyOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyKeyHousekeeping>();
        return builder;
    }

    /// <summary>Call after MapDefaultEndpoints (which authenticates), before the service's routes.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
