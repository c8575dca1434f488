using System.Text.Json;

namespace Outreach.AppHost.Hosting.State;

/// <summary>A small string map kept in a JSON file, for values generated once and reused by later runs.</summary>
internal sealed class JsonValueStore
{
    private readonly string _path;
    private readonly bool _ownerOnly;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values;

    public JsonValueStore(string path, bool ownerOnly)
    {
        _path = path;
        _ownerOnly = ownerOnly;
        _values = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
    }

    public string? Get(string key)
    {
        lock (_gate)
        {
            return _values.GetValueOrDefault(key);
        }
    }

    public void Set(string key, string value)
    {
        lock (_gate)
        {
            _values[key] = value;
            AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_values, JsonOptions.Indented), _ownerOnly);
        }
    }

    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_gate)
        {
            if (_values.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var value = create();
            Set(key, value);
            return value;
        }
    }
}
