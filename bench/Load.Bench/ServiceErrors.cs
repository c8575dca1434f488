using System.Text.Json;

namespace Outreach.Load.Bench;

/// <summary>What each service logged at Error or Critical during the run, grouped by message, so an error status in the report comes with its cause.</summary>
internal sealed record ServiceErrorResult(string Instance, int Count, List<string> Top);

internal static class ServiceErrors
{
    public static List<ServiceErrorResult> Collect(LoadSystem system)
    {
        var results = new List<ServiceErrorResult>();
        foreach (var (instance, _) in system.Processes().Where(p => p.Name.Contains("-service", StringComparison.Ordinal)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var causes = new Dictionary<string, int>(StringComparer.Ordinal);
            var lines = system.LogLines(instance);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                // The plain console (Development): "fail: Category[id]", then the message and the exception, indented.
                if (line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
                {
                    var plain = string.Join(" ", lines.Skip(i + 1).Take(2).Select(l => l.Trim()));
                    var key = Trim(plain);
                    causes[key] = causes.GetValueOrDefault(key) + 1;
                    continue;
                }
                if (!line.StartsWith('{') || !(line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)))
                    continue;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    var root = document.RootElement;
                    var message = root.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "";
                    var exception = root.TryGetProperty("Exception", out var e) ? (e.GetString() ?? "").Split('\n')[0] : "";
                    var cause = $"{Trim(message)} {Trim(exception)}".Trim();
                    causes[cause] = causes.GetValueOrDefault(cause) + 1;
                }
                catch (JsonException)
                {
                }
            }
            if (causes.Count > 0)
                results.Add(new ServiceErrorResult(instance, causes.Values.Sum(), [.. causes.OrderByDescending(c => c.Value).Take(3).Select(c => $"{c.Value}× {c.Key}")]));
        }
        return results;
    }

    private static string Trim(string text) => text.Length > 240 ? text[..240] + "…" : text;
}
