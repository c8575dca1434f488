using System.Net;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Lifecycle;

/// <summary>The demo account as a user meets it: made by the first `dotnet Outreach.AppHost.dll --data-dir …`, kept by later runs.</summary>
public sealed class DemoAccountAcrossRunsTests : IDisposable
{
    private const int SigTerm = 15;
    private readonly List<(int Pid, long StartTime)> _seen = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("outreach-demo-").FullName;

    [Fact]
    public async Task A_second_run_on_the_same_data_directory_keeps_the_demo_account_and_fresh_makes_a_new_one()
    {
        var first = await RunUntilDemoAsync();
        var second = await RunUntilDemoAsync();
        var fresh = await RunUntilDemoAsync("--fresh");

        second.AccountId.ShouldBe(first.AccountId);
        second.AccessKey.ShouldBe(first.AccessKey);
        // PostgreSQL's data outlived the first run, so the key it was given still authenticates.
        second.UserListStatus.ShouldBe(HttpStatusCode.OK);
        fresh.AccountId.ShouldNotBe(first.AccountId);
        fresh.UserListStatus.ShouldBe(HttpStatusCode.OK);
        first.Output.ShouldNotContain(first.AccessKey);
        first.Output.ShouldContain($"Demo account {first.AccountId} created");
        second.Output.ShouldContain($"Demo account {first.AccountId} (key ");
    }

    /// <summary>One run: start, wait for the demo, try its key on seat-service, stop with SIGTERM.</summary>
    private async Task<(string AccountId, string AccessKey, HttpStatusCode UserListStatus, string Output)> RunUntilDemoAsync(params string[] extra)
    {
        using var host = AppHostProcess.Start(["--data-dir", _dataDirectory, .. extra]);
        using (var healthy = await host.WaitUntilHealthyAsync(_dataDirectory))
        {
            _seen.AddRange(StateFileReader.Pids(healthy).Values.SelectMany(ProcessInspector.Tree));
        }

        using var state = await host.WaitForDemoAsync(_dataDirectory);
        var demo = StateFileReader.Demo(state)!.Value;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{StateFileReader.Url(state, Resources.SeatService)}/user-list");
        request.Headers.Add("x-access-key", demo.AccessKey);
        using var response = await http.SendAsync(request);

        host.Signal(SigTerm);
        (await host.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0);
        return (demo.AccountId, demo.AccessKey, response.StatusCode, host.Output);
    }

    public void Dispose()
    {
        // A failed run must not leave servers behind.
        foreach (var process in _seen.Where(process => ProcessInspector.IsAlive(process.Pid, process.StartTime)))
        {
            AppHostProcess.SignalProcess(process.Pid, 9);
        }

        LeftoverCleaner.CleanAsync(new DataDirectory(_dataDirectory), _ => { }).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind harms nothing.
        }
    }
}
