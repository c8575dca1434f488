using System.Globalization;
using System.Net;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Memory;

/// <summary>
/// A service that has gone idle after a busy period gives back the memory the busy period grew, instead of sitting on
/// it until the next load: measured as the real process's resident set (/proc/&lt;pid&gt;/status).
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class IdleMemoryTrimTests(InfrastructureFixture infrastructure)
{
    private const int BurstMb = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_burst_an_idle_service_returns_the_memory_it_grew()
    {
        await using var service = await StartAsync(trim: true);
        var before = ResidentMb(service.Pid);

        await BurstAsync(service);
        ResidentMb(service.Pid).ShouldBeGreaterThan(before + BurstMb * 0.8, "the burst grew the process");

        await Eventually.HoldsAsync(() => ResidentMb(service.Pid) < before + 60, TimeSpan.FromSeconds(20),
            $"the memory is returned once the service is idle (was {before:0} MB before the burst). Output:\n{service.Output}");
        // The trimmer logs after the collection, and the console logger writes from its own queue: the line reaches
        // this process's pipe a moment after the memory is already back, so it is awaited, not read at once.
        await Eventually.HoldsAsync(() => service.Output.Contains("Idle after a busy period", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), $"the trimmer says it ran. Output:\n{service.Output}");
    }

    [Fact]
    public async Task Without_the_trim_an_idle_service_keeps_what_the_burst_grew()
    {
        await using var service = await StartAsync(trim: false);
        var before = ResidentMb(service.Pid);

        await BurstAsync(service);
        // Twenty of the trimmer's check intervals: the runtime alone does not collect an idle process's old garbage.
        await Task.Delay(TimeSpan.FromSeconds(5));

        ResidentMb(service.Pid).ShouldBeGreaterThan(before + BurstMb * 0.8, "nothing else gives the memory back");
        service.Output.ShouldNotContain("Idle after a busy period");
    }

    [Fact]
    public async Task After_a_burst_an_idle_service_also_returns_the_free_pages_of_its_native_heap()
    {
        await using var service = await StartAsync(trim: true);
        var before = ResidentMb(service.Pid);

        await NativeBurstAsync(service);
        ResidentMb(service.Pid).ShouldBeGreaterThan(before + BurstMb * 0.8, "the freed native blocks are still resident");
        await BurstAsync(service);

        await Eventually.HoldsAsync(() => ResidentMb(service.Pid) < before + 60, TimeSpan.FromSeconds(20),
            $"the native heap's free pages are returned too (was {before:0} MB before the bursts). Output:\n{service.Output}");
    }

    [Fact]
    public async Task Without_the_native_trim_the_free_pages_of_the_native_heap_stay_resident()
    {
        await using var service = await StartAsync(trim: true, releaseNativeHeap: false);
        var before = ResidentMb(service.Pid);

        await NativeBurstAsync(service);
        await BurstAsync(service);
        await Eventually.HoldsAsync(() => service.Output.Contains("Idle after a busy period", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), $"the managed trim ran. Output:\n{service.Output}");

        ResidentMb(service.Pid).ShouldBeGreaterThan(before + BurstMb * 0.8,
            "compacting the managed heap does not touch the C allocator's free pages");
    }

    private async Task<ServiceProcess> StartAsync(bool trim, bool releaseNativeHeap = true)
    {
        var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__sampledb"] = await infrastructure.CreateDatabaseAsync(),
            ["ConnectionStrings__rabbitmq"] = infrastructure.RabbitMqConnectionString,
            ["Memory__IdleTrim__Enabled"] = trim ? "true" : "false",
            ["Memory__IdleTrim__CheckInterval"] = "00:00:00.250",
            ["Memory__IdleTrim__ReleaseNativeHeap"] = releaseNativeHeap ? "true" : "false",
        });
        try
        {
            await service.WaitUntilHealthyAsync(Patience);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        // The start's own allocations are over; the next busy period is the burst.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return service;
    }

    private static async Task BurstAsync(ServiceProcess service)
    {
        using var response = await service.Client.PostAsync(new Uri($"/burst/{BurstMb}", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task NativeBurstAsync(ServiceProcess service)
    {
        using var response = await service.Client.PostAsync(new Uri($"/native-burst/{BurstMb}", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static double ResidentMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
