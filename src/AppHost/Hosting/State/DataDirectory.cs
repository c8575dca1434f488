namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// Where everything that persists between runs lives: server data, generated credentials, chosen ports,
/// the pids of running children and apphost.json.
/// </summary>
public sealed class DataDirectory
{
    public const string DefaultName = ".outreach";
    private const string SolutionFile = "Outreach.sln";

    public DataDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string StateFile => Combine("apphost.json");

    public string LogsDirectory => Combine("logs");

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The default: .outreach at the repository root, found by walking up to Outreach.sln.</summary>
    public static string DefaultPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
                {
                    return System.IO.Path.Combine(directory.FullName, DefaultName);
                }
            }
        }

        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), DefaultName);
    }

    /// <summary>
    /// Creates the directory, readable by others because the database and broker run as their own users
    /// and must reach their subdirectories; secrets inside are kept owner-only.
    /// </summary>
    public void Create()
    {
        Directory.CreateDirectory(Path);
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(LogsDirectory);
    }

    /// <summary>Empties the directory for --fresh, keeping only the lock this run holds.</summary>
    public void Wipe(string keep)
    {
        foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos())
        {
            if (entry.FullName == keep)
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
