namespace Outreach.Dashboard.EventStreams;

/// <summary>Whether a service's event store could be read: a page shows the reason instead of failing.</summary>
public enum StoreState
{
    Ready,

    /// <summary>The database or the store's tables do not exist yet: the service has not run its migrations.</summary>
    NotStarted,

    /// <summary>The server did not answer, or answered with an error.</summary>
    Unavailable,
}

/// <summary>One read of one service's store: the value when <see cref="State"/> is Ready, otherwise why not.</summary>
public sealed record StoreRead<T>(string ServiceName, StoreState State, T? Value, string? Problem)
{
    public bool IsReady => State == StoreState.Ready;
}
