using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Outreach.LinkedInSandbox.Http;

/// <summary>X-API-KEY on every /api/v1 route, control routes included, when Sandbox:ApiKey is configured.</summary>
public sealed class ProviderApiKey(RequestDelegate next, IOptions<SandboxOptions> options)
{
    public const string HeaderName = "X-API-KEY";

    public Task InvokeAsync(HttpContext context)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected) || !SandboxRoutes.IsApi(context.Request.Path))
            return next(context);

        var presented = context.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
            return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.MissingCredentials, "Missing credentials",
                $"The {HeaderName} header is required.").ExecuteAsync(context);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
            return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.InvalidApiKey, "Invalid API key",
                $"The {HeaderName} header does not hold a valid key.").ExecuteAsync(context);
        return next(context);
    }
}
