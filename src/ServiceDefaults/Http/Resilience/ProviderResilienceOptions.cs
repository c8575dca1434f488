namespace Outreach.ServiceDefaults.Http.Resilience;

/// <summary>How calls to an outside provider are protected (configuration section "Resilience:&lt;client name&gt;").</summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>Each attempt's limit; a provider that hangs costs at most this much per try.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of idempotent calls (GET, HEAD, DELETE, PUT) only: a POST that timed out may have happened.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The breaker opens when this share of calls failed within the sampling window…</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many calls were made in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While open, calls fail at once instead of waiting on a provider that is down.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
