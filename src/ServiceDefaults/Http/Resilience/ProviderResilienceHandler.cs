using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Outreach.ServiceDefaults.Http.Resilience;

/// <summary>
/// An HttpClient handler for calls to an outside provider, built on Polly.Core (Microsoft.Extensions.Http.Resilience is
/// not restorable here, so this is its standard pipeline in small): a circuit breaker around retries with jittered
/// exponential backoff — for idempotent methods only — around a per-attempt timeout.
/// </summary>
public sealed class ProviderResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<bool> Idempotent = new("outreach.idempotent");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ProviderResilienceHandler(IOptions<ProviderResilienceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    o.MaxRetries > 0 && args.Context.Properties.GetValue(Idempotent, false) && IsTransient(args.Outcome)),
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Idempotent, IsIdempotent(request.Method));
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.SendCoreAsync(state.Request, ctx.CancellationToken),
                context, (Handler: this, Request: request));
        }
        catch (TimeoutRejectedException e)
        {
            throw new HttpRequestException("The provider did not answer in time.", e, HttpStatusCode.GatewayTimeout);
        }
        catch (BrokenCircuitException e)
        {
            throw new HttpRequestException("The provider is failing; calls are paused for a moment.", e, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken ct) => base.SendAsync(request, ct);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Put || method == HttpMethod.Options;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException ||
        outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout };
}
