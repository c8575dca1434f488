using System.Diagnostics;
using System.Net;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.FullAppHost;

[Collection(RunningAppHostGroup.Name)]
public sealed class SupervisionTests(RunningAppHost host)
{
    [Fact]
    public async Task A_service_killed_with_sigkill_is_restarted_and_its_restart_counted()
    {
        await host.WaitUntilAllHealthyAsync();
        var notifications = host.App.ResourceNotifications;
        var before = notifications.GetSnapshot(Resources.SeatService)!;

        using (var process = Process.GetProcessById(before.Pid!.Value))
        {
            process.Kill();
        }

        using var timeout = new CancellationTokenSource(Resources.StartTimeout);
        await notifications.WaitForResourceAsync(
            Resources.SeatService, snapshot => snapshot.IsRunningAndHealthy && snapshot.RestartCount == before.RestartCount + 1, timeout.Token);
        var after = notifications.GetSnapshot(Resources.SeatService)!;
        after.Pid.ShouldNotBe(before.Pid);
        host.History.ShouldContain(snapshot => snapshot.Name == Resources.SeatService && snapshot.State == KnownResourceStates.Exited);
        using var http = host.App.CreateHttpClient(Resources.SeatService);
        (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stopped_service_stays_down_until_started_again()
    {
        await host.WaitUntilAllHealthyAsync();
        var commands = host.App.ResourceCommands;
        var notifications = host.App.ResourceNotifications;
        var pid = notifications.GetSnapshot(Resources.IdentityService)!.Pid!.Value;
        var startTime = ProcessInspector.StartTime(pid)!.Value;

        await commands.StopResourceAsync(Resources.IdentityService);

        var stopped = notifications.GetSnapshot(Resources.IdentityService)!;
        stopped.State.ShouldBe(KnownResourceStates.Exited);
        stopped.Pid.ShouldBeNull();
        ProcessInspector.IsAlive(pid, startTime).ShouldBeFalse();
        await Task.Delay(TimeSpan.FromSeconds(2));
        notifications.GetSnapshot(Resources.IdentityService)!.State.ShouldBe(KnownResourceStates.Exited);

        using var timeout = new CancellationTokenSource(Resources.StartTimeout);
        await commands.StartResourceAsync(Resources.IdentityService, timeout.Token);

        notifications.GetSnapshot(Resources.IdentityService)!.IsRunningAndHealthy.ShouldBeTrue();
    }

    [Fact]
    public async Task Restarting_the_database_server_brings_its_databases_back_healthy()
    {
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);

        await host.App.ResourceCommands.RestartResourceAsync(Resources.Postgres, timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync(Resources.SeatsDb, timeout.Token);

        host.History.ShouldContain(snapshot => snapshot.Name == Resources.SeatsDb && snapshot.State == KnownResourceStates.Exited);
    }
}
