using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// What seat-service last said about a presented credential, keyed by a SHA-256 of it: the raw key or secret is never
/// held as a key of this cache (nor anywhere else in this service once the request is over). Accepted answers live for
/// <see cref="RemoteAccessKeyOptions.PositiveCacheDuration"/>, refusals for <see cref="RemoteAccessKeyOptions.NegativeCacheDuration"/>;
/// <see cref="Evict"/> drops every entry of a revoked key id at once (the several header forms of one key, and key id +
/// secret, are separate entries).
/// </summary>
public sealed class RemoteAccessKeyCache(IOptionsMonitor<RemoteAccessKeyOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Key ids revoked lately, with when the revocation arrived. A check that was already on its way to seat-service when
    // the revocation arrived may come back "accepted"; it must not be cached after the eviction ran.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    /// <summary>
    /// The cache key of a credential. The two forms are kept apart by a label, so an access key and a key id + secret
    /// can never share an entry; the same access key in any header is one entry.
    /// </summary>
    public static string KeyFor(PresentedCredentials presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var text = presented.AccessKey is { } accessKey
            ? "access_key\n" + accessKey
            : "key_secret\n" + presented.KeyId + "\n" + presented.Secret;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // Checks on their way to seat-service, by cache key: a burst of requests with a credential that is not cached (at
    // start, or when its entry expires under load) sends one check, not one per request.
    private readonly ConcurrentDictionary<string, Lazy<Task<KeyCheck>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="check"/> unless a check for the same credential is already running; either way awaits that one.</summary>
    public Task<KeyCheck> ShareCheckAsync(string cacheKey, Func<Task<KeyCheck>> check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(check);
        Lazy<Task<KeyCheck>>? mine = null;
        mine = new Lazy<Task<KeyCheck>>(async () =>
        {
            try
            {
                return await check();
            }
            finally
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<KeyCheck>>>(cacheKey, mine!));
            }
        });
        return _inFlight.GetOrAdd(cacheKey, mine).Value.WaitAsync(ct);
    }

    /// <summary>True when an answer is cached: <paramref name="key"/> is the key it authenticates, or null for a refusal.</summary>
    public bool TryGet(string cacheKey, out CallerKey? key)
    {
        key = null;
        if (!_entries.TryGetValue(cacheKey, out var entry))
            return false;
        if (entry.ExpiresAt <= clock.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(cacheKey, entry));
            return false;
        }
        key = entry.Key;
        return true;
    }

    /// <summary>Caches seat-service's answer to a check that started at <paramref name="checkStarted"/>.</summary>
    public void Remember(string cacheKey, CallerKey? key, DateTimeOffset checkStarted)
    {
        var settings = options.CurrentValue;
        if (key is not null && _revoked.TryGetValue(key.KeyId, out var revokedAt) && revokedAt >= checkStarted)
            return;
        var now = clock.GetUtcNow();
        if (_entries.Count >= settings.MaxCachedEntries && !_entries.ContainsKey(cacheKey))
        {
            RemoveExpired(now);
            if (_entries.Count >= settings.MaxCachedEntries)
                return;
        }
        var lifetime = key is null ? settings.NegativeCacheDuration : settings.PositiveCacheDuration;
        _entries[cacheKey] = new Entry(key, now + lifetime);
    }

    /// <summary>Forgets every accepted answer for <paramref name="keyId"/>; returns how many there were.</summary>
    public int Evict(string keyId)
    {
        var now = clock.GetUtcNow();
        _revoked[keyId] = now;
        // A check in flight cannot outlive its timeout, so a revocation need not be remembered much longer than that.
        var forgetBefore = now - options.CurrentValue.Timeout - options.CurrentValue.PositiveCacheDuration;
        foreach (var (id, at) in _revoked)
        {
            if (at < forgetBefore)
                _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at));
        }

        var evicted = 0;
        foreach (var entry in _entries)
        {
            if (entry.Value.Key?.KeyId == keyId && _entries.TryRemove(entry))
                evicted++;
        }
        return evicted;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var entry in _entries)
        {
            if (entry.Value.ExpiresAt <= now)
                _entries.TryRemove(entry);
        }
    }

    private sealed record Entry(CallerKey? Key, DateTimeOffset ExpiresAt);
}
