namespace Outreach.AppHost.Tests.Support;

/// <summary>Where the built AppHost is, for tests that run it as a real process.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as, so the AppHost matches it.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string AppHostAssembly => Path.Combine(Root, "src", "AppHost", "bin", Configuration, "net10.0", "Outreach.AppHost.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Outreach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Outreach.sln not found above the test assembly.");
    }
}
