using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Outreach.ServiceDefaults.Http;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// Checks a presented credential by asking seat-service, which owns the keys, its <c>GET /v1/access-keys/current</c>
/// with the same credential, through <see cref="RemoteAccessKeyCache"/>. The credential travels only in request headers
/// (which the client's logging redacts), never in the URL, a log line or a span.
/// </summary>
public sealed class SeatServiceAccessKeys(HttpClient http, RemoteAccessKeyCache cache, TimeProvider clock, ILogger<SeatServiceAccessKeys> logger)
{
    public const string CurrentKeyPath = "/v1/access-keys/current";

    public async Task<KeyCheck> CheckAsync(PresentedCredentials presented, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var cacheKey = RemoteAccessKeyCache.KeyFor(presented);
        if (cache.TryGet(cacheKey, out var cached))
            return cached is null ? KeyCheck.Refused : KeyCheck.Accepted(cached);

        // One question per credential at a time, whoever else is waiting for the same answer; it runs to the client's
        // timeout even if this caller gives up, since the others still want it.
        return await cache.ShareCheckAsync(cacheKey, async () =>
        {
            var started = clock.GetUtcNow();
            var check = await AskAsync(presented, lastAttempt: false, CancellationToken.None);
            if (check.Outcome != KeyCheckOutcome.Unavailable)
                cache.Remember(cacheKey, check.Key, started);
            return check;
        }, ct);
    }

    /// <summary>
    /// One question to seat-service. A replica that cannot be reached (stopped, crashed, restarting) is asked past
    /// once: service discovery hands the second attempt to the next replica, so one replica down costs no 503.
    /// </summary>
    private async Task<KeyCheck> AskAsync(PresentedCredentials presented, bool lastAttempt, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CurrentKeyPath);
        AddHeaders(request, presented);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                return KeyCheck.Refused;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("seat-service answered the access key check with {StatusCode}.", (int)response.StatusCode);
                return KeyCheck.Unavailable;
            }
            var body = await response.Content.ReadFromJsonAsync<CurrentKey>(JsonConventions.Options, ct);
            if (string.IsNullOrEmpty(body?.AccountId) || string.IsNullOrEmpty(body.KeyId))
            {
                logger.LogWarning("seat-service's access key check answered without an account or key id.");
                return KeyCheck.Unavailable;
            }
            return KeyCheck.Accepted(new CallerKey(body.AccountId, body.KeyId) { RequestsPerMinute = body.RequestsPerMinute });
        }
        catch (HttpRequestException) when (!lastAttempt)
        {
            return await AskAsync(presented, lastAttempt: true, ct);
        }
        catch (HttpRequestException exception)
        {
            // The message names seat-service's address, never the request's headers.
            logger.LogWarning("seat-service could not be reached to check an access key: {Reason}", exception.Message);
            return KeyCheck.Unavailable;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("seat-service did not answer the access key check within the timeout.");
            return KeyCheck.Unavailable;
        }
        catch (System.Text.Json.JsonException)
        {
            logger.LogWarning("seat-service's access key check answered with a body that is not the expected JSON.");
            return KeyCheck.Unavailable;
        }
    }

    // The credential is passed on in its canonical form rather than copying the caller's headers: seat-service then
    // sees exactly what was parsed here, and nothing else the caller sent.
    private static void AddHeaders(HttpRequestMessage request, PresentedCredentials presented)
    {
        if (presented.AccessKey is { } accessKey)
        {
            request.Headers.Add("x-access-key", accessKey);
            return;
        }
        request.Headers.Add("X-API-KEY", presented.KeyId);
        request.Headers.Add("X-API-SECRET", presented.Secret);
    }

    // requests_per_minute is the account's rate-limit override: carried in this answer, and so cached with the key,
    // because every request already needs the key check and an override then reaches this service within the cache's
    // lifetime without a message of its own.
    private sealed record CurrentKey(string? AccountId, string? KeyId, int? RequestsPerMinute);
}
