namespace Outreach.EventSourcing;

/// <summary>
/// For a command whose streams also have other writers (consumers, the tenant's own API calls) and whose caller sent
/// no expected version: losing the optimistic-concurrency race to one of them is not the caller's conflict, so the
/// command is decided again, on a fresh session, on what the streams hold now. Two commands racing each other still
/// end as one success and one refusal, because the loser decides again and finds its move illegal; only a stream that
/// keeps changing for every attempt surfaces the ConcurrencyException (409).
/// </summary>
public static class ConflictRetry
{
    public const int DefaultAttempts = 3;

    public static async Task<T> DecideWithRetryAsync<T>(this IDocumentStore store, IDocumentSession requestSession,
        Func<IDocumentSession, Task<T>> decide, int attempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A fresh session per attempt: the lost attempt's pending events and fetched versions must not carry over.
            await using var session = store.LightweightSession();
            session.TenantId = requestSession.TenantId;
            session.Actor = requestSession.Actor;
            session.CorrelationId = requestSession.CorrelationId;
            session.CausationId = requestSession.CausationId;
            try
            {
                return await decide(session);
            }
            catch (ConcurrencyException) when (attempt < attempts)
            {
                // Decide again.
            }
        }
    }
}
