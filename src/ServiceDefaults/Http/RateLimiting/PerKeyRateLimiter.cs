using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.ServiceDefaults.Http.RateLimiting;

/// <summary>
/// The per-key limiter: a built-in <see cref="PartitionedRateLimiter{TResource}"/> of fixed-window limiters, one per
/// (access key, limit, minute). Requests not authenticated by an access key (health probes, the operator's routes,
/// the /internal routes, the connect pages) get no limiter: they are either not a tenant's traffic or were already
/// refused with a 401 before reaching it, which costs nothing to count.
/// </summary>
public sealed class PerKeyRateLimiter : IDisposable
{
    private static readonly object WindowItem = new();
    private readonly IOptionsMonitor<RateLimitOptions> _options;
    private readonly TimeProvider _clock;

    public PerKeyRateLimiter(IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        Limiter = PartitionedRateLimiter.Create<HttpContext, RateLimitWindow>(Partition);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The window this request was counted in, or null when it is not limited.</summary>
    public static RateLimitWindow? WindowOf(HttpContext context) =>
        context.Items.TryGetValue(WindowItem, out var window) ? (RateLimitWindow)window! : null;

    public int Remaining(HttpContext context) => (int)(Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);

    public DateTimeOffset Now => _clock.GetUtcNow();

    private RateLimitPartition<RateLimitWindow> Partition(HttpContext context)
    {
        // Decided once per request, so the headers written later describe the window the request was counted in
        // even if the minute turns meanwhile.
        if (WindowOf(context) is not { } window)
        {
            if (context.User.FindFirst(TenantClaims.KeyId)?.Value is not { Length: > 0 } keyId)
                return RateLimitPartition.GetNoLimiter(default(RateLimitWindow));
            window = RateLimitWindow.At(keyId, LimitOf(context), _clock.GetUtcNow());
            context.Items[WindowItem] = window;
        }
        return RateLimitPartition.GetFixedWindowLimiter(window, w => new FixedWindowRateLimiterOptions
        {
            PermitLimit = w.Limit,
            Window = RateLimitWindow.Length,
            QueueLimit = 0,
        });
    }

    // The account's override travels with the key (seat-service reads it with the key; the other services get it in
    // seat-service's answer to their key check), so no lookup happens here.
    private int LimitOf(HttpContext context) =>
        int.TryParse(context.User.FindFirst(TenantClaims.RequestsPerMinute)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : Math.Max(1, _options.CurrentValue.PermitsPerMinute);

    public void Dispose() => Limiter.Dispose();
}
