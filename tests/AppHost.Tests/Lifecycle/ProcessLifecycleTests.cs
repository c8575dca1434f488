using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Lifecycle;

/// <summary>The AppHost as a user runs it: `dotnet Outreach.AppHost.dll --data-dir …`, signalled from outside.</summary>
public sealed class ProcessLifecycleTests : IDisposable
{
    private readonly List<(int Pid, long StartTime)> _seen = [];
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("outreach-lifecycle-").FullName;

    [Fact]
    public async Task A_run_after_a_sigkilled_apphost_stops_what_it_left_and_sigterm_then_stops_everything_in_reverse_order()
    {
        List<(int Pid, long StartTime)> leftovers;
        using (var first = AppHostProcess.Start("--data-dir", _dataDirectory))
        {
            using var state = await first.WaitUntilHealthyAsync(_dataDirectory);
            leftovers = StateFileReader.Pids(state).Values.SelectMany(ProcessInspector.Tree).ToList();
            _seen.AddRange(leftovers);
            leftovers.Count.ShouldBeGreaterThanOrEqualTo(5);

            first.Signal(SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // Killed without a chance to clean up: its children are still running.
        leftovers.ShouldContain(process => ProcessInspector.IsAlive(process.Pid, process.StartTime));

        using var second = AppHostProcess.Start("--data-dir", _dataDirectory);
        using var secondState = await second.WaitUntilHealthyAsync(_dataDirectory, leftovers.Select(process => process.Pid).ToList());
        leftovers.Where(process => ProcessInspector.IsAlive(process.Pid, process.StartTime)).ShouldBeEmpty();
        second.Output.ShouldContain("left by an earlier run");
        var running = StateFileReader.Pids(secondState).Values.SelectMany(ProcessInspector.Tree).ToList();
        _seen.AddRange(running);

        second.Signal(SigTerm);
        (await second.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0);

        running.Where(process => ProcessInspector.IsAlive(process.Pid, process.StartTime)).ShouldBeEmpty();
        File.Exists(Path.Combine(_dataDirectory, "apphost.json")).ShouldBeFalse();
        var output = second.Output;
        var lastServiceExit = Resources.ServicesOnInfrastructure.Max(service => output.LastIndexOf($"[apphost] {service} (Project): Exited", StringComparison.Ordinal));
        var postgresExit = output.LastIndexOf("[apphost] postgres (Postgres): Exited", StringComparison.Ordinal);
        var brokerExit = output.LastIndexOf("[apphost] rabbitmq (RabbitMQ): Exited", StringComparison.Ordinal);
        lastServiceExit.ShouldBeGreaterThan(0);
        output.ShouldContain($"[apphost] {Resources.LinkedInSandbox} (Project): Exited");
        postgresExit.ShouldBeGreaterThan(lastServiceExit);
        brokerExit.ShouldBeGreaterThan(lastServiceExit);
    }

    [Fact]
    public async Task Missing_postgresql_binaries_fail_fast_naming_the_install_command()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dataDirectory, "empty-bin")).FullName;

        using var host = AppHostProcess.Start("--data-dir", Path.Combine(_dataDirectory, "data"), $"--AppHost:Postgres:BinDirectory={empty}");

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldNotBe(0);
        host.Output.ShouldContain("apt-get install -y postgresql-15");
        host.Output.ShouldContain(empty);
    }

    [Fact]
    public async Task A_missing_rabbitmq_server_fails_fast_naming_the_install_command()
    {
        using var host = AppHostProcess.Start("--data-dir", Path.Combine(_dataDirectory, "data"), "--AppHost:RabbitMQ:ServerPath=/nonexistent/rabbitmq-server");

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldNotBe(0);
        host.Output.ShouldContain("apt-get install -y rabbitmq-server");
    }

    public void Dispose()
    {
        // A failed run must not leave servers behind: whatever this test saw running goes, and so does
        // what the data directory still records (the private epmd among it).
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
