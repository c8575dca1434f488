using System.Diagnostics;

namespace Outreach.Dashboard.Bench;

/// <summary>One client GETting a page back to back, each request timed until the whole body is read.</summary>
internal static class RenderScenario
{
    public sealed record Result(IReadOnlyList<double> SortedMs, int Bytes);

    public static async Task<Result> RunAsync(HttpClient client, Uri page, int count)
    {
        var times = new List<double>(count);
        var bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(page);
            response.EnsureSuccessStatusCode();
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Result([.. times.Order()], bytes);
    }
}
