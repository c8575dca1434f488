using MassTransit;

namespace Outreach.ServiceDefaults.Database;

/// <summary>
/// The breaker for message deliveries: while it is open a delivery is not attempted but retried later (the outage
/// retry waits it out, see MessagingExtensions), so a queue that fills during an outage does not open a connection
/// per message when the database comes back. Each delivery that ran tells the breaker how it went.
/// </summary>
public sealed class DatabaseBreakerFilter(DatabaseBreaker breaker) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!breaker.TryPass(out var probe))
            throw new DatabaseBreakerOpenException();
        await breaker.ObserveAsync(probe, () => next.Send(context));
    }

    public void Probe(ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CreateFilterScope("databaseBreaker");
    }
}
