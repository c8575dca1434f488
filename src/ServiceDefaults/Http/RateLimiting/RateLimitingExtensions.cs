using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.ServiceDefaults.Http.RateLimiting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Per-key rate limits, wired the same way by every service:
/// <code>
/// builder.AddPerKeyRateLimits();          // in AddApplicationServices
/// app.UsePerKeyRateLimits();              // after MapDefaultEndpoints, before UseIdempotencyKeys
/// </code>
/// It uses ASP.NET Core's rate-limiting middleware with a global limiter (<see cref="PerKeyRateLimiter"/>).
/// </summary>
public static class RateLimitingExtensions
{
    public static TBuilder AddPerKeyRateLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PerKeyRateLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<PerKeyRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
        });
        return builder;
    }

    /// <summary>
    /// After MapDefaultEndpoints: the caller must be authenticated (the key is the partition), and a refused request
    /// must not reach the Idempotency-Key middleware or the route.
    /// </summary>
    public static WebApplication UsePerKeyRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.Use(RateLimitHeaders.Middleware(app.Services.GetRequiredService<PerKeyRateLimiter>()));
        return app;
    }
}
