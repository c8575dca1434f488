using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// RFC 9457 answers for every error: unhandled exceptions (500, generic title, a trace_id, no stack
/// trace), empty error responses such as 404 and 405 (status code pages), and requests the framework
/// cannot bind (400 naming the field). Services add their own <c>IExceptionHandler</c>s beside these.
/// </summary>
public static class HttpProblemDetailsExtensions
{
    /// <summary>1 MiB: room for the largest documented body (a batch of 500 invitations with notes).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddHttpProblemDetails(this IServiceCollection services)
    {
        // ProblemDetailsDefaults adds the W3C id of the request span to every answer; under our JSON
        // convention its key is written "trace_id".
        services.AddProblemDetails(options => options.CustomizeProblemDetails = TooLargeBodies.Rewrite);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Without this, minimal APIs answer a bad body with an empty 400 outside Development;
        // throwing lets BadRequestExceptionHandler answer the same way in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // JSON APIs have no use for Kestrel's 30 MB default: a bigger body is refused (400, naming the body) before
        // anything reads it.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }
}
