namespace Outreach.AppHost.Hosting;

/// <summary>A failure the AppHost explains to its user (missing binaries, a busy data directory, a resource that cannot start).</summary>
public sealed class DistributedApplicationException : Exception
{
    public DistributedApplicationException()
    {
    }

    public DistributedApplicationException(string message)
        : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
