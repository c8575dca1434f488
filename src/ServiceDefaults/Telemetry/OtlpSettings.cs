using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// The exporter settings, read from the standard OTEL_* variables through configuration (so tests and
/// appsettings can supply them too). Export happens only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public sealed record OtlpSettings(
    Uri? Endpoint,
    OtlpExportProtocol Protocol,
    string? Headers,
    int? TimeoutMilliseconds,
    int? BatchScheduleDelayMilliseconds,
    int? LogBatchScheduleDelayMilliseconds,
    int? MetricExportIntervalMilliseconds)
{
    public bool ExportEnabled => Endpoint is not null;

    public static OtlpSettings From(IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return new OtlpSettings(
            string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute),
            ParseProtocol(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]),
            configuration["OTEL_EXPORTER_OTLP_HEADERS"],
            ParseMilliseconds(configuration["OTEL_EXPORTER_OTLP_TIMEOUT"]),
            ParseMilliseconds(configuration["OTEL_BSP_SCHEDULE_DELAY"]),
            ParseMilliseconds(configuration["OTEL_BLRP_SCHEDULE_DELAY"]),
            ParseMilliseconds(configuration["OTEL_METRIC_EXPORT_INTERVAL"]));
    }

    /// <summary>
    /// Points the exporter at one signal. Over http/protobuf the SDK appends /v1/{signal} only when it
    /// reads the endpoint itself, so a programmatic endpoint needs the full path.
    /// </summary>
    public void ApplyTo(OtlpExporterOptions options, OtlpSignal signal)
    {
        if (Endpoint is null)
            return;
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? SignalEndpoint(signal) : Endpoint;
        if (Headers is not null)
            options.Headers = Headers;
        if (TimeoutMilliseconds is { } timeout)
            options.TimeoutMilliseconds = timeout;
    }

    public Uri SignalEndpoint(OtlpSignal signal)
    {
        if (Endpoint is null)
            throw new InvalidOperationException("OTEL_EXPORTER_OTLP_ENDPOINT is not set.");
        var path = signal switch
        {
            OtlpSignal.Traces => "v1/traces",
            OtlpSignal.Metrics => "v1/metrics",
            OtlpSignal.Logs => "v1/logs",
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
        var baseUri = Endpoint.AbsoluteUri.EndsWith('/') ? Endpoint : new Uri(Endpoint.AbsoluteUri + "/");
        return new Uri(baseUri, path);
    }

    // The spec's default is http/protobuf; it is also the only protocol an HTTP-only collector
    // (our AppHost dashboard) can receive.
    private static OtlpExportProtocol ParseProtocol(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "HTTP/PROTOBUF" => OtlpExportProtocol.HttpProtobuf,
        "GRPC" => OtlpExportProtocol.Grpc,
        _ => throw new InvalidOperationException(
            $"OTEL_EXPORTER_OTLP_PROTOCOL '{value}' is not supported; use 'http/protobuf' or 'grpc'."),
    };

    private static int? ParseMilliseconds(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : null;
}

public enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}
