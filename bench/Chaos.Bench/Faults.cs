using System.Diagnostics;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.Chaos.Bench;

/// <summary>What a fault did on the phase's clock (seconds): when it began, when it was over (recovery counts from here), when the resource was healthy again.</summary>
internal sealed record FaultWindow(double StartedAt, double OverAt, double? HealthyAt, string Note, long? Backlog = null);

/// <summary>What a fault may use: the system, the suite's options, the phase's clock and the delivery counter.</summary>
internal sealed record FaultContext(LoadSystem System, ChaosOptions Options, Func<double> Now, Deliveries Deliveries);

/// <summary>One fault the suite makes mid-load; <see cref="MakeAsync"/> returns once it is over.</summary>
internal sealed record ChaosFault(string Name, string Group, string What, int LoadSeconds, Func<FaultContext, Task<FaultWindow>> MakeAsync);

internal static class Faults
{
    public const string Sandbox = LoadSystem.Sandbox;

    public static List<ChaosFault> Select(ChaosOptions options)
    {
        List<ChaosFault> all =
        [
            new("kill -9 rabbitmq", "broker", "SIGKILL to the broker's process tree; the AppHost restarts it", options.SecondsPerFault, c => KillAsync(c, "rabbitmq")),
            .. LoadSystem.Services.Select(service => new ChaosFault($"kill -9 {service}", "services", "SIGKILL to the service; the AppHost restarts it",
                options.SecondsPerFault, c => KillAsync(c, service))),
            new("restart postgres", "postgres", "the AppHost's restart command (stop, then start) on PostgreSQL", options.SecondsPerFault, RestartPostgresAsync),
            new($"freeze postgres {options.FreezeSeconds} s", "postgres", $"SIGSTOP to PostgreSQL's processes for {options.FreezeSeconds} s, then SIGCONT: connections stay open and nothing answers",
                options.SecondsPerFault + options.FreezeSeconds, FreezePostgresAsync),
            new("sandbox 500/429/timeout", "sandbox", $"the sandbox answers 500, then 429, then hangs, {options.SandboxFaultSeconds / 3} s each",
                options.SecondsPerFault + options.SandboxFaultSeconds, SandboxErrorsAsync),
            new("stopped invitation-service", "stopped-consumer", $"the AppHost's stop command, {options.StoppedSeconds} s of load filling its queues, then start",
                options.SecondsPerFault + options.StoppedSeconds, StoppedConsumerAsync),
        ];
        return options.Fault == "all" ? all : [.. all.Where(f => f.Group == options.Fault)];
    }

    private static async Task<FaultWindow> KillAsync(FaultContext c, string resource)
    {
        var before = Snapshot(c, resource);
        var pid = before.Pid ?? throw new InvalidOperationException($"{resource} has no process to kill.");
        var at = c.Now();
        var killed = ProcessKill.KillTree(pid);
        Console.WriteLine($"   killed {resource} (pid {pid}, {killed.Count} process(es)) with SIGKILL at {at:0.0} s");
        var healthyAt = await BackHealthyAsync(c, resource, pid);
        return new FaultWindow(at, at, healthyAt, $"{killed.Count} process(es) killed; restart {Snapshot(c, resource).RestartCount - before.RestartCount}×");
    }

    private static async Task<FaultWindow> RestartPostgresAsync(FaultContext c)
    {
        var at = c.Now();
        Console.WriteLine($"   restarting postgres at {at:0.0} s");
        await c.System.App.ResourceCommands.RestartResourceAsync("postgres");
        var healthyAt = c.Now();
        Console.WriteLine($"   postgres healthy again at {healthyAt:0.0} s");
        return new FaultWindow(at, at, healthyAt, "graceful stop and start through the AppHost");
    }

    private static async Task<FaultWindow> FreezePostgresAsync(FaultContext c)
    {
        var at = c.Now();
        await using (c.System.App.ResourceCommands.FreezeResource("postgres"))
        {
            Console.WriteLine($"   froze postgres at {at:0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(c.Options.FreezeSeconds));
        }
        var over = c.Now();
        Console.WriteLine($"   thawed postgres at {over:0.0} s");
        return new FaultWindow(at, over, over, $"stopped {c.Options.FreezeSeconds} s");
    }

    private static async Task<FaultWindow> SandboxErrorsAsync(FaultContext c)
    {
        var at = c.Now();
        var third = c.Options.SandboxFaultSeconds / 3;
        foreach (var mode in new[] { "500", "429", "timeout" })
        {
            var set = await c.System.SandboxService.PostAsync("/api/v1/sandbox/faults", null, new { mode, for_seconds = third });
            Expect.Status(set, 200, $"sandbox fault {mode}");
            Console.WriteLine($"   sandbox answers {mode} for {third} s from {c.Now():0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(third));
        }
        Expect.Status(await c.System.SandboxService.PostAsync("/api/v1/sandbox/faults", null, new { mode = "none" }), 200, "sandbox fault none");
        return new FaultWindow(at, c.Now(), null, $"500, 429 and timeouts, {third} s each");
    }

    private static async Task<FaultWindow> StoppedConsumerAsync(FaultContext c)
    {
        const string Consumer = LoadSystem.Invitations;
        var at = c.Now();
        var stopMark = await c.Deliveries.MarkAsync();
        await c.System.App.ResourceCommands.StopResourceAsync(Consumer);
        Console.WriteLine($"   stopped {Consumer} at {at:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(c.Options.StoppedSeconds));
        // What waits for it: every delivery owed to its consumers for events committed while it was down.
        var owed = await c.Deliveries.CountAsync(stopMark, await c.Deliveries.MarkAsync());
        var backlog = owed.MissingByConsumer.Where(m => m.Key.StartsWith("invitationsdb/", StringComparison.Ordinal)).Sum(m => m.Value);
        var startAt = c.Now();
        Console.WriteLine($"   starting {Consumer} at {startAt:0.0} s; {backlog} deliveries wait for it");
        await c.System.App.ResourceCommands.StartResourceAsync(Consumer);
        var healthyAt = c.Now();
        return new FaultWindow(at, startAt, healthyAt, $"stopped {c.Options.StoppedSeconds} s", backlog);
    }

    private static ResourceSnapshot Snapshot(FaultContext c, string resource) =>
        c.System.App.ResourceNotifications.GetSnapshot(resource) ?? throw new InvalidOperationException($"No resource {resource}.");

    /// <summary>When the resource runs again under a new process and its health check passes (null: not within 3 minutes).</summary>
    private static async Task<double?> BackHealthyAsync(FaultContext c, string resource, int oldPid)
    {
        var patience = Stopwatch.StartNew();
        while (patience.Elapsed < TimeSpan.FromMinutes(3))
        {
            var snapshot = Snapshot(c, resource);
            if (snapshot.IsRunningAndHealthy && snapshot.Pid is { } pid && pid != oldPid)
            {
                Console.WriteLine($"   {resource} healthy again at {c.Now():0.0} s (pid {pid})");
                return c.Now();
            }
            await Task.Delay(100);
        }
        Console.WriteLine($"   {resource} not healthy again within 3 minutes");
        return null;
    }
}
