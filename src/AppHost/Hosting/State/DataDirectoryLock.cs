namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// One AppHost per data directory: an exclusive lock on a file, which the kernel releases even when
/// the AppHost is killed.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static DataDirectoryLock Acquire(DataDirectory directory)
    {
        var path = directory.Combine("apphost.lock");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException exception)
        {
            throw new DistributedApplicationException(
                $"Another AppHost is already running with the data directory {directory.Path}. Stop it first, or pass --data-dir.",
                exception);
        }
    }

    public void Dispose() => _stream.Dispose();
}
