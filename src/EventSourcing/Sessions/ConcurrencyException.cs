namespace Outreach.EventSourcing;

/// <summary>
/// A unit of work was refused because a stream was not at the version the writer expected: someone else appended
/// first (or the stream already existed for StartStream). Built from the losing writer's own request. Nothing of
/// the unit of work was written. Reload and retry, or answer 409.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base(Describe(streamId, expectedVersion, actualVersion))
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public ConcurrencyException()
        : this("", 0, 0)
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
        StreamId = "";
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = "";
    }

    public string StreamId { get; }

    /// <summary>The version the writer expected the stream to have before its events (0 = expected no stream).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the stream had (0 = it did not exist).</summary>
    public long ActualVersion { get; }

    private static string Describe(string streamId, long expected, long actual) => expected == 0
        ? $"Stream '{streamId}' already exists (version {actual})."
        : $"Stream '{streamId}' was expected at version {expected} but is at version {actual}.";
}
