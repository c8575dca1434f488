using Microsoft.Extensions.Configuration;
using OpenTelemetry.Resources;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// Who is emitting: service.name from OTEL_SERVICE_NAME (else the application name) and any
/// key=value pairs from OTEL_RESOURCE_ATTRIBUTES, such as the service.instance.id an AppHost hands out.
/// </summary>
public static class TelemetryResource
{
    public static string ServiceName(IConfiguration configuration, string applicationName)
    {
        var configured = configuration["OTEL_SERVICE_NAME"];
        return string.IsNullOrWhiteSpace(configured) ? applicationName : configured.Trim();
    }

    public static ResourceBuilder Create(IConfiguration configuration, string applicationName)
    {
        var attributes = ParseAttributes(configuration["OTEL_RESOURCE_ATTRIBUTES"]);
        // OTEL_SERVICE_NAME wins over a service.name inside OTEL_RESOURCE_ATTRIBUTES, as the spec says.
        attributes.Remove("service.name");
        var hasInstanceId = attributes.ContainsKey("service.instance.id");

        return ResourceBuilder.CreateEmpty()
            .AddService(ServiceName(configuration, applicationName), autoGenerateServiceInstanceId: !hasInstanceId)
            .AddTelemetrySdk()
            .AddAttributes(attributes.Select(pair => new KeyValuePair<string, object>(pair.Key, pair.Value)));
    }

    /// <summary>Parses "k1=v1,k2=v2" where values may be percent-encoded (W3C Baggage style).</summary>
    public static Dictionary<string, string> ParseAttributes(string? raw)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(raw))
            return attributes;

        foreach (var pair in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
                continue;
            var key = pair[..separator].Trim();
            var value = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
            attributes[key] = value;
        }

        return attributes;
    }
}
