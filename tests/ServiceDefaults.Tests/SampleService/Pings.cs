using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace Outreach.ServiceDefaults.SampleService;

public sealed record SamplePinged(Guid PingId);

public sealed record PingSeen(Guid PingId, string TraceId);

public sealed class PingBook
{
    private readonly ConcurrentDictionary<Guid, string> _traces = new();

    public void Record(Guid pingId, string traceId) => _traces[pingId] = traceId;

    public string? TraceOf(Guid pingId) => _traces.GetValueOrDefault(pingId);
}

public sealed class SamplePingConsumer(PingBook book) : IConsumer<SamplePinged>
{
    public Task Consume(ConsumeContext<SamplePinged> context)
    {
        book.Record(context.Message.PingId, Activity.Current?.TraceId.ToHexString() ?? "");
        return Task.CompletedTask;
    }
}
