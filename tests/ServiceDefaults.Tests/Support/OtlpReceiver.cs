using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outreach.ServiceDefaults.Tests.Support;

/// <summary>
/// A stand-in OTLP/HTTP collector on Kestrel: it accepts POSTs to /v1/traces, /v1/logs and /v1/metrics,
/// keeps each protobuf body with the request's content type and headers, and answers 200.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpRequest> _requests = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<OtlpRequest> Requests => [.. _requests];

    public IReadOnlyList<OtlpRequest> RequestsFor(string signal) => [.. _requests.Where(r => r.Signal == signal)];

    public IReadOnlyList<OtlpSpan> Spans => [.. RequestsFor("traces").SelectMany(r => OtlpPayload.Spans(r.Body))];
    public IReadOnlyList<OtlpLog> Logs => [.. RequestsFor("logs").SelectMany(r => OtlpPayload.Logs(r.Body))];
    public IReadOnlyList<OtlpMetric> Metrics => [.. RequestsFor("metrics").SelectMany(r => OtlpPayload.Metrics(r.Body))];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Its own request activities get a source name the apps under test do not listen to; otherwise
        // each export would be traced and exported again.
        builder.Services.AddSingleton(new System.Diagnostics.ActivitySource("OtlpReceiver.Hosting"));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            receiver._requests.Enqueue(new OtlpRequest(
                signal,
                request.ContentType ?? "",
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Urls.Single());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record OtlpRequest(string Signal, string ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
