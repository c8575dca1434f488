namespace Outreach.ServiceDefaults.Database;

/// <summary>
/// A circuit breaker for this process's use of its database. Once a few calls in a row find the database not answering,
/// further requests and message deliveries are refused at once (503, or a retry later) instead of each opening a
/// connection of its own. That matters more than it looks: Npgsql ends a connection attempt to a server that is
/// frozen or restarting only at its 2 s timeout, and PostgreSQL still accepts, forks for and rejects every abandoned
/// attempt afterwards, one by one (about 40 a second on a 2-core machine). Under load the abandoned attempts outgrow
/// what the server can drain, and the service stays down long after the database is back (measured: a 10 s outage
/// became 40–60 s of 503s). While open, one caller at a time is let through as a probe; the first call that gets an
/// answer closes the breaker.
/// </summary>
public sealed class DatabaseBreaker(TimeProvider clock)
{
    /// <summary>Failures within <see cref="FailureWindow"/> that open the breaker.</summary>
    public const int FailureThreshold = 3;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromSeconds(2);
    /// <summary>The wait before the first probe; each failed probe doubles it, up to <see cref="MaxProbeInterval"/>.</summary>
    public static readonly TimeSpan FirstProbeInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxProbeInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private bool _open;
    private bool _probing;
    private DateTimeOffset _nextProbeAt;
    private TimeSpan _probeInterval = FirstProbeInterval;
    private int _failures;
    private DateTimeOffset _windowStart;

    public bool IsOpen
    {
        get
        {
            lock (_gate)
                return _open;
        }
    }

    /// <summary>Whether a call may use the database now; <paramref name="probe"/> is true for the one let through while open.</summary>
    public bool TryPass(out bool probe)
    {
        probe = false;
        lock (_gate)
        {
            if (!_open)
                return true;
            if (_probing || clock.GetUtcNow() < _nextProbeAt)
                return false;
            _probing = probe = true;
            return true;
        }
    }

    /// <summary>
    /// Runs a call let through by <see cref="TryPass"/> and reports how it went: a database that did not answer (a pool
    /// wait that ran out excepted), a failure of another kind (the probe, if it was one, passes on), or success.
    /// </summary>
    public async Task ObserveAsync(bool probe, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) && !DatabaseUnavailable.IsPoolExhausted(e))
        {
            Failed(probe);
            throw;
        }
        catch
        {
            Abandoned(probe);
            throw;
        }
        Succeeded(probe);
    }

    /// <summary>A call that used the database got its answers.</summary>
    public void Succeeded(bool probe)
    {
        lock (_gate)
        {
            _failures = 0;
            if (probe || !_open)
            {
                _open = _probing = false;
                _probeInterval = FirstProbeInterval;
            }
        }
    }

    /// <summary>
    /// A call found the database not answering (see <see cref="DatabaseUnavailable.Is"/>). A pool wait that ran out is
    /// not reported: the database answers, the process is only busy, and admission control sheds that load.
    /// </summary>
    public void Failed(bool probe)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (probe)
            {
                _probing = false;
                _probeInterval = TimeSpan.FromTicks(Math.Min(_probeInterval.Ticks * 2, MaxProbeInterval.Ticks));
                _nextProbeAt = now + _probeInterval;
                return;
            }
            if (_open)
                return;
            if (now - _windowStart > FailureWindow)
            {
                _windowStart = now;
                _failures = 0;
            }
            if (++_failures < FailureThreshold)
                return;
            _open = true;
            _probing = false;
            _probeInterval = FirstProbeInterval;
            _nextProbeAt = now + _probeInterval;
        }
    }

    /// <summary>Ends a probe that neither succeeded nor failed on the database (it did not use it): the next caller probes.</summary>
    public void Abandoned(bool probe)
    {
        if (!probe)
            return;
        lock (_gate)
            _probing = false;
    }
}

/// <summary>Thrown instead of calling the database while <see cref="DatabaseBreaker"/> is open.</summary>
public sealed class DatabaseBreakerOpenException() : Exception("The database did not answer recent calls; this one was not attempted.");
