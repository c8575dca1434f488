using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Http.Admission;

/// <summary>
/// Load shedding in front of everything but the probes: a request runs when one of the process's slots is free, waits
/// (oldest first, up to the queue timeout) when none is, and is refused with 503 problem+json and retry-after when the
/// queue is full or the wait runs out. Without it an open-loop burst piles up inside the service until every request
/// times out; with it the requests that are admitted keep their latency and the rest learn at once to come back.
/// </summary>
public sealed partial class AdmissionControlMiddleware : IAsyncDisposable
{
    private readonly RequestDelegate _next;
    private readonly AdmissionOptions _options;
    private readonly ConcurrencyLimiter _limiter;
    private readonly ILogger<AdmissionControlMiddleware> _logger;

    public AdmissionControlMiddleware(RequestDelegate next, IOptions<AdmissionOptions> options, ILogger<AdmissionControlMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _options = options.Value;
        _logger = logger;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.MaxConcurrentRequests),
            QueueLimit = Math.Max(0, _options.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Microsoft.Extensions.Hosting.Extensions.IsHealthProbe(context.Request.Path))
        {
            await _next(context);
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        wait.CancelAfter(_options.QueueTimeoutMs);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            lease = FailedLease.Instance;
        }

        using (lease)
        {
            if (lease.IsAcquired)
            {
                await _next(context);
                return;
            }
        }

        LogShed(_logger, context.Request.Method, context.Request.Path.Value ?? "");
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ServiceUnavailable.Prepare(context, _options.RetryAfterSeconds, "The service is at capacity; nothing was done. Try again shortly."),
        });
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    // Only the method and path: a query string may carry ids a log must not need.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Shed {Method} {Path}: the service is at capacity")]
    private static partial void LogShed(ILogger logger, string method, string path);
}
