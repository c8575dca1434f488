using Microsoft.Extensions.Configuration;

namespace Outreach.AppHost.Hosting;

/// <summary>Machine-specific settings, read from configuration (appsettings, AppHost__… variables, --AppHost:…=… arguments).</summary>
public sealed record HostingSettings(string PostgresBinDirectory, string RabbitMQServerPath, string? OtlpEndpoint, string EnvironmentName)
{
    /// <summary>Sent by every resource in x-otlp-api-key when the AppHost's own dashboard receives the telemetry.</summary>
    public string? OtlpApiKey { get; init; }

    public const string DefaultPostgresBinDirectory = "/usr/lib/postgresql/15/bin";
    public const string DefaultRabbitMQServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static HostingSettings From(IConfiguration configuration) => new(
        configuration["AppHost:Postgres:BinDirectory"] ?? DefaultPostgresBinDirectory,
        configuration["AppHost:RabbitMQ:ServerPath"] ?? DefaultRabbitMQServerPath,
        NullIfEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ?? NullIfEmpty(configuration["Dashboard:OtlpEndpoint"]),
        NullIfEmpty(configuration["ASPNETCORE_ENVIRONMENT"]) ?? NullIfEmpty(configuration["DOTNET_ENVIRONMENT"]) ?? "Development");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
