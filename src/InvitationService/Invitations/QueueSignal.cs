namespace Outreach.InvitationService.Invitations;

/// <summary>Wakes the queue before its next poll: a batch was queued, or a paused sender may send again.</summary>
public sealed class QueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up covers every reason given before the queue looks.
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever is first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
