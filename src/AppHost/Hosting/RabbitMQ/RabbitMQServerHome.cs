using System.Text.RegularExpressions;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>
/// A trimmed view of the installed RabbitMQ for our node to boot from. It holds the installation's own scripts and
/// escripts, and only the Erlang applications the core broker needs (20 of the Debian package's 71). RabbitMQ's boot
/// works through what its plugins directory holds whether or not a plugin is enabled (plugin listing, feature-flag and
/// boot-step discovery). We enable none, and the other 51 cost about 1.2 s of broker CPU in each start, measured
/// (BENCHMARKS.md, cold start). Nothing is copied but the small scripts: the applications are symbolic links into
/// the installation.
/// </summary>
internal static partial class RabbitMQServerHome
{
    /// <summary>What the node runs: the broker and its boot (enabled_plugins is always empty, see RabbitMQLauncher).</summary>
    public static readonly IReadOnlyList<string> RootApplications = ["rabbit", "rabbitmq_prelaunch", "rabbit_common"];

    /// <summary>
    /// Builds the trimmed home in <paramref name="directory"/> and returns its rabbitmq-server. An installation of
    /// another layout (no sbin/plugins/escript beside the script) is used as it is.
    /// </summary>
    public static string Prepare(string installedServerPath, string directory)
    {
        var script = new FileInfo(installedServerPath);
        var resolved = script.LinkTarget is null ? script : script.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        if (resolved?.Directory is not { Name: "sbin", Parent: { } installation } sbin)
            return installedServerPath;
        var plugins = Path.Combine(installation.FullName, "plugins");
        var escripts = Path.Combine(installation.FullName, "escript");
        if (!Directory.Exists(plugins) || !Directory.Exists(escripts))
            return installedServerPath;

        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        // Copies, not links: rabbitmq-env finds RABBITMQ_HOME (and so the plugins) from the real path of its script.
        var ownSbin = Directory.CreateDirectory(Path.Combine(directory, "sbin"));
        foreach (var file in sbin.GetFiles())
            file.CopyTo(Path.Combine(ownSbin.FullName, file.Name));
        File.CreateSymbolicLink(Path.Combine(directory, "escript"), escripts);
        var ownPlugins = Directory.CreateDirectory(Path.Combine(directory, "plugins"));
        foreach (var application in Needed(plugins))
            Directory.CreateSymbolicLink(Path.Combine(ownPlugins.FullName, Path.GetFileName(application)), application);
        return Path.Combine(ownSbin.FullName, resolved.Name);
    }

    /// <summary>The application directories under <paramref name="plugins"/> that the root applications need, transitively.</summary>
    public static IReadOnlyList<string> Needed(string plugins)
    {
        var byName = new Dictionary<string, (string Directory, string[] Dependencies)>(StringComparer.Ordinal);
        foreach (var applicationDirectory in Directory.GetDirectories(plugins))
        {
            var ebin = Path.Combine(applicationDirectory, "ebin");
            if (!Directory.Exists(ebin))
                continue;
            foreach (var resource in Directory.GetFiles(ebin, "*.app"))
                byName[Path.GetFileNameWithoutExtension(resource)] = (applicationDirectory, Dependencies(File.ReadAllText(resource)));
        }

        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(RootApplications);
        while (pending.TryPop(out var name))
        {
            // Applications that are not plugins (kernel, mnesia, ssl, …) come with Erlang itself.
            if (!byName.TryGetValue(name, out var application) || !needed.Add(application.Directory))
                continue;
            foreach (var dependency in application.Dependencies)
                pending.Push(dependency);
        }
        return [.. needed];
    }

    /// <summary>The atoms of an application resource file's applications, included_applications and optional_applications lists.</summary>
    private static string[] Dependencies(string resourceFile) =>
        [.. DependencyLists().Matches(resourceFile)
            .SelectMany(list => list.Groups["atoms"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(atom => atom.Trim('\''))];

    [GeneratedRegex(@"\{\s*(?:applications|included_applications|optional_applications)\s*,\s*\[(?<atoms>[^\]]*)\]")]
    private static partial Regex DependencyLists();
}
