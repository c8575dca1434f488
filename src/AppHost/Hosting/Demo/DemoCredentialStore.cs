using System.Text.Json;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Demo;

/// <summary>
/// &lt;data-dir&gt;/demo.json, owner-only like secrets.json beside it. Seat-service shows an access key only once
/// and keeps its hash, so this file is the only place a later run can get the demo key back from.
/// </summary>
internal sealed class DemoCredentialStore(DataDirectory dataDirectory)
{
    public string Path { get; } = dataDirectory.Combine("demo.json");

    /// <summary>The stored demo, or null when there is none (or the file is damaged, and a new demo is better than none).</summary>
    public DemoCredentials? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(Path));
            return stored is { AccountId.Length: > 0, KeyId.Length: > 0, AccessKey.Length: > 0 } ? stored : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // One atomic write of all three values: a key without its account (or the reverse) would be useless.
    public void Save(DemoCredentials credentials) =>
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(credentials, JsonOptions.Indented), ownerOnly: true);
}
