using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>A tiny HTTP server on loopback that records every POST it gets (headers and JSON body) and answers 200.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<ReceivedCall> _calls = Channel.CreateUnbounded<ReceivedCall>();

    public sealed record ReceivedCall(WebHeaderCollection Headers, JsonElement Body);

    public WebhookListener()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Url { get; }

    /// <summary>The first call whose body satisfies the condition; fails after the timeout.</summary>
    public async Task<ReceivedCall> NextAsync(Func<JsonElement, bool> matches, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var call = await _calls.Reader.ReadAsync(deadline.Token);
            if (matches(call.Body))
                return call;
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                var headers = new WebHeaderCollection { context.Request.Headers };
                await _calls.Writer.WriteAsync(new ReceivedCall(headers, body));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
