using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Threading;

/// <summary>
/// Work that blocks pool threads (Npgsql's synchronous cancel requests on a hung database server, one per stuck query)
/// must not starve the requests beside it: a service answers a quick request promptly while dozens of threads block.
/// </summary>
public sealed class ThreadPoolFloorTests
{
    [Fact]
    public async Task A_quick_request_is_answered_promptly_while_thirty_requests_block_their_threads()
    {
        await using var app = await TestApp.StartAsync(endpoints =>
        {
            endpoints.MapGet("/blocking", () =>
            {
                // Stands for a synchronous cancel request waiting on a server that does not answer.
                Thread.Sleep(TimeSpan.FromSeconds(3));
                return Results.Ok();
            });
            endpoints.MapGet("/quick", () => Results.Text("quick"));
        });
        (await app.Client.GetStringAsync(new Uri("/quick", UriKind.Relative))).ShouldBe("quick");

        var blocking = Enumerable.Range(0, 30).Select(_ => app.Client.GetAsync(new Uri("/blocking", UriKind.Relative))).ToArray();
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        var quick = await app.Client.GetStringAsync(new Uri("/quick", UriKind.Relative));
        clock.Stop();
        foreach (var response in await Task.WhenAll(blocking))
            response.Dispose();

        quick.ShouldBe("quick");
        // Without the floor, a 2-core machine's pool starts at 2 threads and adds about two a second: the quick request
        // waited its turn behind the blocked ones for seconds.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }
}
