using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>Every member's ledger, in memory, and the invitation ids taken so far (ids are unique across members).</summary>
public sealed class InvitationBook(TimeProvider clock, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, MemberLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public TimeProvider Clock => clock;
    public SandboxOptions Options => options.Value;

    /// <summary>The member's ledger; the caller takes its gate and refreshes it.</summary>
    public MemberLedger For(string memberId) => _ledgers.GetOrAdd(memberId, id => new MemberLedger(id));

    /// <summary>A fresh 19-digit id, deterministic from the send so a re-run of the same sends gets the same ids.</summary>
    public string NewId(string memberId, long ordinal, string publicIdentifier)
    {
        for (var salt = 0; ; salt++)
        {
            var id = InvitationIds.For(memberId, ordinal, publicIdentifier, salt);
            if (_ids.TryAdd(id, 0))
                return id;
        }
    }

    /// <summary>Applies due acceptances everywhere and hands back those nobody has announced yet.</summary>
    public List<SentInvitation> TakeNewAcceptances()
    {
        var now = clock.GetUtcNow();
        var fresh = new List<SentInvitation>();
        foreach (var ledger in _ledgers.Values)
        {
            lock (ledger.Gate)
            {
                ledger.Refresh(now);
                fresh.AddRange(ledger.TakeUnannounced());
            }
        }

        return fresh;
    }
}
