namespace Outreach.AppHost.Hosting;

/// <summary>The AppHost's own switches (--data-dir DIR, --fresh); everything else is configuration.</summary>
internal sealed record AppHostArguments(string? DataDirectory, bool Fresh, string[] Remaining)
{
    public static AppHostArguments Parse(IReadOnlyList<string> args)
    {
        string? dataDirectory = null;
        var fresh = false;
        var remaining = new List<string>();
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (argument == "--fresh")
            {
                fresh = true;
            }
            else if (argument == "--data-dir" && index + 1 < args.Count)
            {
                dataDirectory = args[++index];
            }
            else if (argument.StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDirectory = argument["--data-dir=".Length..];
            }
            else
            {
                remaining.Add(argument);
            }
        }

        return new AppHostArguments(dataDirectory, fresh, [.. remaining]);
    }
}
