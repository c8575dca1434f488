namespace Outreach.EventSourcing;

/// <summary>
/// A stream loaded for writing (Marten's FetchForWriting): its aggregate as of now, and appends that will only
/// commit if nobody else appended to the stream in between.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Marten's name for it; keeps a later move to Marten mechanical.")]
public interface IEventStream<out T> where T : class
{
    string Key { get; }

    /// <summary>The aggregate rebuilt from the stream, or null when the stream does not exist.</summary>
    T? Aggregate { get; }

    /// <summary>The version the stream had when it was fetched (0 when it did not exist).</summary>
    long? StartingVersion { get; }

    /// <summary>The version after the events appended here so far.</summary>
    long? CurrentVersion { get; }

    IReadOnlyList<IEvent> Events { get; }

    void AppendOne(object eventData);

    void AppendMany(params object[] events);

    void AppendMany(IEnumerable<object> events);
}
