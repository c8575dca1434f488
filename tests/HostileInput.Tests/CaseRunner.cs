using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Outreach.HostileInput.Tests;

/// <summary>Sends every case and collects what each got wrong, so that one run lists every failure.</summary>
public sealed class CaseRunner(HostileSystemFixture system)
{
    private const int HugeBody = 1 << 20;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<RunReport> RunAsync(IEnumerable<HostileCase> cases)
    {
        var report = new RunReport();
        foreach (var hostile in cases)
        {
            if (hostile.Primer is not null)
                await CheckAsync(hostile.Primer, report);
            await CheckAsync(hostile, report);
        }
        return report;
    }

    private async Task CheckAsync(HostileCase hostile, RunReport report)
    {
        try
        {
            using var request = Request(hostile);
            using var response = await Client(hostile.Service).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            report.Count(status);
            foreach (var problem in Problems(hostile, status, response.Content.Headers.ContentType?.MediaType, body))
                report.Fail($"{hostile} → {status}: {problem}");
        }
        catch (HttpRequestException exception)
        {
            report.Count(0);
            report.Fail($"{hostile} → no answer: {exception.Message}");
        }
    }

    private static IEnumerable<string> Problems(HostileCase hostile, int status, string? mediaType, string body)
    {
        if (status is < 400 or > 499)
            yield return "not a 4xx";
        else if (hostile.Status is { } expected && status != expected)
            yield return $"expected {expected}";
        else if (status == 404 && !hostile.NotFoundAllowed)
            yield return "404 for a route and ids that exist";
        if (mediaType != "application/problem+json")
        {
            yield return $"content type {mediaType ?? "none"}, body {Shorten(body)}";
            yield break;
        }
        if (status is 400 or 422 && !NamesTheProblem(body))
            yield return $"the problem names nothing: {Shorten(body)}";
    }

    /// <summary>An <c>errors</c> object naming at least one field, or a <c>detail</c>.</summary>
    private static bool NamesTheProblem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return false;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any())
                return true;
            return root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Request(HostileCase hostile)
    {
        var request = new HttpRequestMessage(hostile.Method, hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(hostile.Body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            // A body over the limit is refused before it is read: asking first lets the answer arrive instead of a broken pipe.
            request.Headers.ExpectContinue = hostile.Body.Length > HugeBody;
        }
        foreach (var (name, value) in hostile.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private HttpClient Client(string service)
    {
        if (!_clients.TryGetValue(service, out var client))
            _clients[service] = client = system.Client(service);
        return client;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

public sealed class RunReport
{
    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public int Requests => _statuses.Values.Sum();

    public void Count(int status) => _statuses[status] = _statuses.GetValueOrDefault(status) + 1;

    public void Fail(string failure) => _failures.Add(failure);

    public string Summary(string family) =>
        $"{family}: {Requests} requests; by status {string.Join(", ", _statuses.Select(s => $"{(s.Key == 0 ? "none" : s.Key)}×{s.Value}"))}; " +
        $"5xx: {_statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}; failures: {_failures.Count}";
}
