using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// The one JSON convention of every Outreach API, matching the seed documents: snake_case properties,
/// enums as snake_case strings, nulls left out. A DTO that needs another spelling says so with
/// [JsonPropertyName]. Dictionary keys are data and keep their spelling.
/// </summary>
public static class JsonConventions
{
    /// <summary>A read-only copy for clients and tests that talk to our APIs.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Numbers are not accepted for enums: a client sending 3 for a status is almost always a bug.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    public static IServiceCollection AddJsonConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => Apply(options.SerializerOptions));
        // Controllers, should a service ever use them, speak the same JSON.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => Apply(options.JsonSerializerOptions));
        return services;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
