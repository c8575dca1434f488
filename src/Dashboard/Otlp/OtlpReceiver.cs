using Google.Protobuf;
using Outreach.Dashboard.Otlp.Proto.Collector.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP on /v1/traces, /v1/logs and /v1/metrics, in protobuf and in JSON (gzip or not), as every OpenTelemetry SDK
/// exports with http/protobuf or http/json. gRPC cannot be hosted on this machine (its server packages are not served).
/// </summary>
public static class OtlpReceiver
{
    public const string TracesPath = "/v1/traces";
    public const string LogsPath = "/v1/logs";
    public const string MetricsPath = "/v1/metrics";

    // The answers carry no partial_success: everything that decodes is stored. Built once, since they never change.
    private static readonly ExportTraceServiceResponse TracesAccepted = new();
    private static readonly ExportLogsServiceResponse LogsAccepted = new();
    private static readonly ExportMetricsServiceResponse MetricsAccepted = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(TracesPath, (RequestDelegate)(http =>
            ReceiveAsync(http, ExportTraceServiceRequest.Parser, TracesAccepted, (store, request) => OtlpTraces.Ingest(store, request))));
        app.MapPost(LogsPath, (RequestDelegate)(http =>
            ReceiveAsync(http, ExportLogsServiceRequest.Parser, LogsAccepted, (store, request) => OtlpLogs.Ingest(store, request))));
        app.MapPost(MetricsPath, (RequestDelegate)(http =>
            ReceiveAsync(http, ExportMetricsServiceRequest.Parser, MetricsAccepted, (store, request) => OtlpMetrics.Ingest(store, request))));
    }

    private static async Task ReceiveAsync<TRequest>(
        HttpContext http,
        MessageParser<TRequest> parser,
        IMessage accepted,
        Action<TelemetryRepository, TRequest> ingest)
        where TRequest : IMessage<TRequest>, new()
    {
        if (!http.RequestServices.GetRequiredService<OtlpApiKey>().Allows(http.Request))
        {
            await Problem(http, StatusCodes.Status401Unauthorized, "Unauthorized", $"Send the OTLP API key in {OtlpApiKey.HeaderName}.");
            return;
        }

        if (OtlpEncodings.Of(http.Request.ContentType) is not { } encoding)
        {
            await Problem(http, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send {OtlpEncodings.ProtobufMediaType} or {OtlpEncodings.JsonMediaType}.");
            return;
        }

        TRequest request;
        try
        {
            using var body = await OtlpRequestBody.ReadAsync(http.Request, http.RequestAborted);
            request = encoding == OtlpEncoding.Protobuf ? parser.ParseFrom(body.Span) : OtlpJson.Parse<TRequest>(body.Span);
        }
        catch (OtlpBodyTooLargeException e)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, "Payload too large", e.Message);
            return;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidOtlpJsonException or InvalidDataException)
        {
            await Problem(http, StatusCodes.Status400BadRequest, "Bad OTLP payload", $"The body is not an OTLP {typeof(TRequest).Name}: {e.Message}");
            return;
        }

        ingest(http.RequestServices.GetRequiredService<TelemetryRepository>(), request);
        await WriteAsync(http, encoding, accepted);
    }

    private static Task WriteAsync(HttpContext http, OtlpEncoding encoding, IMessage response)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        if (encoding == OtlpEncoding.Json)
        {
            http.Response.ContentType = OtlpEncodings.JsonMediaType;
            return http.Response.WriteAsync(OtlpJson.Format(response), http.RequestAborted);
        }

        http.Response.ContentType = OtlpEncodings.ProtobufMediaType;
        var bytes = response.ToByteArray();
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);
}
