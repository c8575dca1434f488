using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Outreach.Load.Bench;

/// <summary>An answer as the harness counts it: the status (0 for a timeout, -1 for a broken connection) and the JSON body, if any.</summary>
internal readonly record struct Outcome(int Status, JsonElement Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Text(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) ? value.GetString() : null;
}

/// <summary>
/// One service as a client sees it behind a load balancer: requests spread round-robin over every replica's
/// endpoint, each request carrying the caller's access key. Like a load balancer's passive health check, a replica
/// that refuses a connection is left out for two seconds and the request goes to the next one (a refused connection
/// never reached the service, so sending it again cannot do anything twice).
/// </summary>
internal sealed class ServiceClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeftOutFor = TimeSpan.FromSeconds(2);
    private readonly HttpClient[] _replicas;
    private readonly long[] _downUntil;
    private int _next;

    public ServiceClient(string name, IReadOnlyList<Uri> replicas)
    {
        Name = name;
        _replicas = [.. replicas.Select(url => new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        }) { BaseAddress = url, Timeout = Timeout })];
        _downUntil = new long[_replicas.Length];
    }

    public string Name { get; }

    public Task<Outcome> GetAsync(string path, string? accessKey) => SendAsync(HttpMethod.Get, path, accessKey, null);

    public Task<Outcome> PostAsync(string path, string? accessKey, object body) => SendAsync(HttpMethod.Post, path, accessKey, body);

    public async Task<Outcome> SendAsync(HttpMethod method, string path, string? accessKey, object? body, string? bearer = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var replica = Pick();
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (accessKey is not null)
                request.Headers.Add("x-access-key", accessKey);
            if (bearer is not null)
                request.Headers.Authorization = new("Bearer", bearer);
            if (body is not null)
                request.Content = JsonContent.Create(body);
            try
            {
                using var response = await _replicas[replica].SendAsync(request);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var json = default(JsonElement);
                if (bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
                {
                    using var document = JsonDocument.Parse(bytes);
                    json = document.RootElement.Clone();
                }
                return new Outcome((int)response.StatusCode, json);
            }
            catch (TaskCanceledException)
            {
                return new Outcome(0, default);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < _replicas.Length)
            {
                Volatile.Write(ref _downUntil[replica], Environment.TickCount64 + (long)LeftOutFor.TotalMilliseconds);
            }
            catch (HttpRequestException)
            {
                return new Outcome(-1, default);
            }
        }
    }

    /// <summary>The next replica in turn that is not left out (any, if all are).</summary>
    private int Pick()
    {
        var now = Environment.TickCount64;
        var first = (int)((uint)Interlocked.Increment(ref _next) % _replicas.Length);
        for (var i = 0; i < _replicas.Length; i++)
        {
            var candidate = (first + i) % _replicas.Length;
            if (Volatile.Read(ref _downUntil[candidate]) <= now)
                return candidate;
        }
        return first;
    }

    public void Dispose()
    {
        foreach (var client in _replicas)
            client.Dispose();
    }
}

/// <summary>A setup step's answer that must be what it must be: anything else stops the harness, saying what came back.</summary>
internal static class Expect
{
    public static Outcome Status(Outcome outcome, int expected, string what) =>
        outcome.Status == expected ? outcome : throw new InvalidOperationException($"{what} answered {outcome.Status}, expected {expected}: {outcome.Body}");
}
