using System.Diagnostics;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Lifecycle;

/// <summary>A test host killed before disposing leaves servers behind; the next test run stops them.</summary>
public sealed class AbandonedDataDirectoryTests
{
    [Fact]
    public async Task Processes_of_an_abandoned_test_data_directory_are_stopped_and_the_directory_removed()
    {
        using var orphan = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var startTime = ProcessInspector.StartTime(orphan.Id)!.Value;
        var directory = Directory.CreateTempSubdirectory(AbandonedDataDirectories.TestPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "apphost.lock"), "");
        await File.WriteAllTextAsync(Path.Combine(directory, "pids.json"),
            $$"""[{"name":"postgres","pid":{{orphan.Id}},"start_time":{{startTime}},"stop_signal":15,"epmd_port":null}]""");
        Directory.SetLastWriteTimeUtc(directory, DateTime.UtcNow.AddMinutes(-5));

        await AbandonedDataDirectories.SweepAsync();

        ProcessInspector.IsAlive(orphan.Id, startTime).ShouldBeFalse();
        Directory.Exists(directory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_data_directory_whose_lock_is_held_is_left_alone()
    {
        var directory = Directory.CreateTempSubdirectory(AbandonedDataDirectories.TestPrefix).FullName;
        try
        {
            await using var held = new FileStream(Path.Combine(directory, "apphost.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            Directory.SetLastWriteTimeUtc(directory, DateTime.UtcNow.AddMinutes(-5));

            await AbandonedDataDirectories.SweepAsync();

            Directory.Exists(directory).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
