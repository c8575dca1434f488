using System.Collections.Concurrent;

namespace Outreach.Load.Bench;

/// <summary>A connected LinkedIn account that may send: its seat (active, daily limit 100), identity and provider account id.</summary>
internal sealed record Sender(string SeatId, string IdentityId, string ProviderAccountId);

/// <summary>
/// One account and its access key, with what the workload knows of its seats: which are active (suspend takes from
/// here), which it suspended (unsuspend takes from here), identities not yet logged in, and its senders.
/// </summary>
internal sealed class Tenant(string name, string accountId, string keyId, string accessKey)
{
    private int _nextSender;

    public string Name { get; } = name;
    public string AccountId { get; } = accountId;
    public string KeyId { get; } = keyId;
    public string AccessKey { get; } = accessKey;
    public ConcurrentQueue<string> Active { get; } = new();
    public ConcurrentQueue<string> Suspended { get; } = new();
    public ConcurrentQueue<string> FreshIdentities { get; } = new();
    public List<Sender> Senders { get; } = [];

    public Sender NextSender() => Senders[(int)((uint)Interlocked.Increment(ref _nextSender) % Senders.Count)];
}
