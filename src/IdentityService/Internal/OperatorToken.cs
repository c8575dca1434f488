using System.Security.Cryptography;
using System.Text;

namespace Outreach.IdentityService.Internal;

/// <summary>
/// Guards the /internal routes: only a caller holding the operator token (seat-service, given `Operator__Token` by
/// the AppHost) may use them, checked in constant time like seat-service's operator API. A missing or wrong token is
/// a 401; with no token configured the routes answer nobody.
/// </summary>
public static class OperatorToken
{
    public static IEndpointFilter Filter(IConfiguration configuration) => new TokenFilter(configuration);

    private sealed class TokenFilter(IConfiguration configuration) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var expected = configuration["Operator:Token"];
            var header = context.HttpContext.Request.Headers.Authorization;
            if (string.IsNullOrEmpty(expected) || header.Count != 1 || header[0] is not { } value ||
                !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
                !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(expected)))
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "A valid operator token is required.");
            return await next(context);
        }
    }
}
