namespace Outreach.EventSourcing;

/// <summary>
/// "The log may have grown": set on local commits and on NOTIFY from other processes, awaited by idle subscriptions.
/// Take <see cref="Next"/> BEFORE reading, then await it: a commit between the read and the wait is not missed.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Set() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="next"/> or the timeout, whichever comes first; never throws on timeout.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken token)
    {
        var delay = Task.Delay(timeout, token);
        await Task.WhenAny(next, delay);
        token.ThrowIfCancellationRequested();
    }
}
