using System.Text.Json;

namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// pids.json in the data directory: the children this run started. If the AppHost is killed with SIGKILL
/// it cannot stop them, so the next run reads this file and stops them (see <see cref="LeftoverCleaner"/>).
/// </summary>
internal sealed class PidRegistry(DataDirectory directory)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PidRecord> _records = [];

    public string FilePath { get; } = directory.Combine("pids.json");

    public void Record(PidRecord record)
    {
        lock (_gate)
        {
            _records[record.Name] = record;
            Save();
        }
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            if (_records.Remove(name))
            {
                Save();
            }
        }
    }

    public static IReadOnlyList<PidRecord> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<PidRecord>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private void Save() =>
        AtomicFile.WriteAllText(FilePath, JsonSerializer.Serialize(_records.Values.ToList(), JsonOptions.Indented));
}
