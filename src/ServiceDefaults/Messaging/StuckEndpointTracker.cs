namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// The watchdog's decision, kept apart from the bus so it can be tested on its own: restart once the endpoints have
/// been unhealthy, with the broker answering, for <paramref name="restartAfter"/> without a break. A broker that does
/// not answer explains the endpoints' state (they reconnect once it is back), so it starts the wait again.
/// </summary>
public sealed class StuckEndpointTracker(TimeSpan restartAfter)
{
    private DateTimeOffset? _stuckSince;

    public bool ShouldRestart(bool endpointsHealthy, bool brokerAnswers, DateTimeOffset now)
    {
        if (endpointsHealthy || !brokerAnswers)
        {
            _stuckSince = null;
            return false;
        }

        _stuckSince ??= now;
        if (now - _stuckSince.Value < restartAfter)
            return false;

        _stuckSince = null;
        return true;
    }
}
