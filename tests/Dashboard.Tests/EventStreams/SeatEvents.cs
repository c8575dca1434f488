using System.Diagnostics;
using Outreach.EventSourcing;

namespace Outreach.Dashboard.Tests.EventStreams;

public sealed class Seat
{
    public string Id { get; private set; } = "";

    public void Apply(SeatAdded e) => Id = e.SeatId;
}

public sealed record SeatAdded(string SeatId, string Email);

public sealed record SeatRenamed(string SeatId, string Name);

/// <summary>Appends through the real event store, inside a W3C activity, so every event carries a traceparent.</summary>
public static class SeatEvents
{
    public static async Task<ActivityTraceId> AppendAsync(IDocumentStore store, string tenant, string actor, Action<IEventStoreOperations> append,
        string? correlationId = null, string? causationId = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(append);
        using var request = new Activity("POST /seats").SetIdFormat(ActivityIdFormat.W3C).Start();
        await using var session = store.LightweightSession();
        session.TenantId = tenant;
        session.Actor = actor;
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        append(session.Events);
        await session.SaveChangesAsync();
        return request.TraceId;
    }
}
