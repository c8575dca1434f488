namespace Outreach.EventSourcing;

/// <summary>The event store of one database (a singleton). Hands out sessions; owns the connection pool.</summary>
public interface IDocumentStore : IAsyncDisposable, IDisposable
{
    /// <summary>A unit of work. Dispose it (or let DI's request scope do it).</summary>
    IDocumentSession LightweightSession();

    /// <summary>A read-only session.</summary>
    IQuerySession QuerySession();

    /// <summary>Operations beyond a unit of work: migrations, rebuilds, subscription progress.</summary>
    AdvancedOperations Advanced { get; }

    EventStoreOptions Options { get; }
}
