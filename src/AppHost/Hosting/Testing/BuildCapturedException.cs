namespace Outreach.AppHost.Testing;

/// <summary>Ends the AppHost's entry point right after Build() when a test has taken the builder.</summary>
internal sealed class BuildCapturedException : Exception
{
    public BuildCapturedException()
        : base("The application builder was handed to a test.")
    {
    }

    public BuildCapturedException(string message)
        : base(message)
    {
    }

    public BuildCapturedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
