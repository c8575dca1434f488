using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Outreach.Dashboard.Bench;

/// <summary>N senders posting span batches back to back (as N exporting services would) for a fixed time.</summary>
internal static class IngestScenario
{
    public sealed record Result(double SpansPerSecond, double RequestsPerSecond, IReadOnlyList<double> SortedMs, int Failures);

    public static async Task<Result> RunAsync(HttpClient client, Uri endpoint, SpanPayloads payloads, int senders, TimeSpan duration, CancellationToken stop = default)
    {
        // The body bytes are made before the clock starts for each request, so only the POST is timed.
        var perSender = new List<double>[senders];
        var failures = 0;
        long requests = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            var mine = perSender[s] = [];
            while (clock.Elapsed < duration && !stop.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(payloads.Next());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(endpoint, content, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref requests);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = perSender.SelectMany(l => l).Order().ToList();
        return new Result(requests * payloads.SpanCount / seconds, requests / seconds, sorted, failures);
    }
}
