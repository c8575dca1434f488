using System.Security.Cryptography;
using System.Text;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// The <c>x-otlp-api-key</c> check of Aspire's dashboard. Both sides are hashed before the constant-time comparison,
/// so neither the key's bytes nor its length leak through timing.
/// </summary>
internal sealed class OtlpApiKey(DashboardOptions options)
{
    public const string HeaderName = "x-otlp-api-key";

    private readonly byte[]? _expectedHash = string.IsNullOrEmpty(options.OtlpApiKey)
        ? null
        : SHA256.HashData(Encoding.UTF8.GetBytes(options.OtlpApiKey));

    /// <summary>True when no key is configured, or the request carries it exactly once.</summary>
    public bool Allows(HttpRequest request)
    {
        if (_expectedHash is null)
        {
            return true;
        }

        if (!request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || values[0] is not { } presented)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash);
    }
}
