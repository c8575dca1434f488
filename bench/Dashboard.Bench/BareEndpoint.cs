using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Outreach.Dashboard.Bench;

/// <summary>
/// The HTTP ceiling: a Kestrel app in this process, built like the dashboard's (slim builder, loopback, no logging),
/// whose POST /v1/traces reads the whole body into a pooled buffer and throws it away, answering what the receiver
/// answers (200, an empty protobuf response). GET /ping is the same for the page figures.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/traces", async (HttpContext http) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
            try
            {
                while (await http.Request.Body.ReadAsync(buffer) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            http.Response.ContentType = "application/x-protobuf";
            http.Response.ContentLength = 0;
        });
        app.MapGet("/ping", () => Results.Text("pong"));
        await app.StartAsync();
        return app;
    }
}
