namespace Outreach.AppHost.Hosting;

/// <summary>
/// The AppHost's own switches (--data-dir DIR, --fresh, and the verbs <c>publish --target kubernetes --output DIR</c> and
/// <c>rotate-operator-token</c>); everything else is configuration.
/// </summary>
internal sealed record AppHostArguments(string? DataDirectory, bool Fresh, string[] Remaining)
{
    /// <summary>Set by <c>publish</c>: write deployment manifests instead of running anything.</summary>
    public Publishing.PublishRequest? Publish { get; init; }

    /// <summary>Set by <c>rotate-operator-token</c>: write a new operator token into the data directory and exit.</summary>
    public bool RotateOperatorToken { get; init; }

    public static AppHostArguments Parse(IReadOnlyList<string> args)
    {
        string? dataDirectory = null;
        var fresh = false;
        var remaining = new List<string>();
        Publishing.PublishRequest? publish = null;
        var rotateOperatorToken = false;
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (index == 0 && argument == "rotate-operator-token")
            {
                rotateOperatorToken = true;
            }
            else if (index == 0 && argument == "publish")
            {
                publish = new Publishing.PublishRequest("kubernetes", "manifests");
            }
            else if (publish is not null && argument == "--target" && index + 1 < args.Count)
            {
                publish = publish with { Target = args[++index] };
            }
            else if (publish is not null && argument == "--output" && index + 1 < args.Count)
            {
                publish = publish with { OutputDirectory = args[++index] };
            }
            else if (publish is not null && argument == "--registry" && index + 1 < args.Count)
            {
                publish = publish with { Registry = args[++index] };
            }
            else if (publish is not null && argument == "--tag" && index + 1 < args.Count)
            {
                publish = publish with { Tag = args[++index] };
            }
            else if (argument == "--fresh")
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

        return new AppHostArguments(dataDirectory, fresh, [.. remaining]) { Publish = publish, RotateOperatorToken = rotateOperatorToken };
    }
}
