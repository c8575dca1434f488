using Outreach.AppHost.Hosting;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// Every resource's console output for the whole run, read from the file the AppHost writes beside its in-memory
/// tail (the tail keeps only the last 2,000 lines; the file keeps them all).
/// </summary>
public static class ConsoleLogScan
{
    public static async Task RunAsync(ScanReport report, DistributedApplication app)
    {
        foreach (var resource in app.Model.Resources.Select(r => r.Name))
        {
            var place = $"console {resource}";
            if (app.ResourceLogs.FilePath(resource) is not { } path)
                continue; // a resource with no process of its own (a database on the PostgreSQL server)
            report.Touch(place);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(file);
            while (await reader.ReadLineAsync() is { } line)
                report.Scan(place, line);
        }
    }
}
