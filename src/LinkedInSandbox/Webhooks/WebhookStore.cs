using System.Collections.Concurrent;

namespace Outreach.LinkedInSandbox.Webhooks;

public sealed record WebhookHeader(string Key, string Value);

/// <summary>A registered webhook. Immutable: deleting one is the only change.</summary>
public sealed record Webhook(string Id, string Source, Uri RequestUrl, string Name, IReadOnlyList<WebhookHeader> Headers, DateTimeOffset CreatedAt, long Ordinal);

/// <summary>Every registered webhook, in memory. They are global, as Unipile's are for an API key: all accounts' events.</summary>
public sealed class WebhookStore
{
    public const string UsersSource = "users";

    private readonly ConcurrentDictionary<string, Webhook> _webhooks = new(StringComparer.Ordinal);
    private long _ordinal;

    public long NextOrdinal() => Interlocked.Increment(ref _ordinal);

    public void Add(Webhook webhook) => _webhooks[webhook.Id] = webhook;

    public bool Remove(string id) => _webhooks.TryRemove(id, out _);

    /// <summary>Oldest first.</summary>
    public List<Webhook> All() => _webhooks.Values.OrderBy(webhook => webhook.Ordinal).ToList();

    public List<Webhook> OfSource(string source) => All().Where(webhook => webhook.Source == source).ToList();
}
