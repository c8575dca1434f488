namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// Temporary data directories of test runs whose process died without disposing (a killed test host):
/// their servers would run on forever. Each is recognised by a lock file nobody holds; what its pids.json
/// names is stopped and the directory removed.
/// </summary>
public static class AbandonedDataDirectories
{
    public const string TestPrefix = "outreach-test-";
    public const string FixturePrefix = "outreach-fixture-";

    // A directory this young may belong to a run that has not yet taken its lock.
    private static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    public static async Task SweepAsync()
    {
        var candidates = Directory.EnumerateDirectories(Path.GetTempPath())
            .Where(path => Path.GetFileName(path) is { } name && (name.StartsWith(TestPrefix, StringComparison.Ordinal) || name.StartsWith(FixturePrefix, StringComparison.Ordinal)))
            .Where(path => DateTime.UtcNow - Directory.GetLastWriteTimeUtc(path) > MinimumAge);
        foreach (var path in candidates)
        {
            await SweepOneAsync(new DataDirectory(path));
        }
    }

    private static async Task SweepOneAsync(DataDirectory directory)
    {
        if (!File.Exists(directory.Combine("apphost.lock")))
        {
            return;
        }

        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(directory);
        }
        catch (DistributedApplicationException)
        {
            return; // Held: its run is alive.
        }
        catch (IOException)
        {
            return; // Removed meanwhile by its owner.
        }

        using (dataLock)
        {
            await LeftoverCleaner.CleanAsync(directory, _ => { });
        }

        try
        {
            Directory.Delete(directory.Path, recursive: true);
        }
        catch (IOException)
        {
            // Another sweeper got there first.
        }
    }
}
