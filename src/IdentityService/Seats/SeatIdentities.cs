using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;

namespace Outreach.IdentityService.Seats;

/// <summary>The identities of a seat, and what seat-service's decisions do to them.</summary>
public static class SeatIdentities
{
    /// <summary>The seat's identities under <paramref name="keyId"/>, loaded for writing. A seat of another key has none here.</summary>
    public static async Task<IReadOnlyList<IEventStream<Identity>>> LoadAsync(IDocumentSession session, string seatId, string keyId, CancellationToken ct)
    {
        var ids = await session.QueryAsync("SELECT identity_id FROM identity_list WHERE seat_id = $1 AND key_id = $2", [seatId, keyId],
            reader => reader.GetString(0), ct);
        var streams = new List<IEventStream<Identity>>(ids.Count);
        foreach (var id in ids)
        {
            var stream = await session.Events.FetchForWriting<Identity>(id, ct);
            if (stream.Aggregate is { IsDeleted: false })
                streams.Add(stream);
        }
        return streams;
    }

    /// <summary>
    /// Logs the identity out at the provider, ends its connection and any login in flight, and destroys its login
    /// keys: the stored session is wiped, so a re-login needs credentials again. Provider trouble throws, so the
    /// message is retried rather than leaving a session alive at LinkedIn.
    /// </summary>
    public static async Task EndSessionAsync(IDocumentSession session, IEventStream<Identity> stream, ILinkedInProvider provider,
        string why, DateTimeOffset now, CancellationToken ct)
    {
        var identity = stream.Aggregate!;
        if (identity.Login is { } login && !LoginStatus.IsFinished(login.Status))
            stream.AppendOne(new LinkedInLoginFailed(identity.Id, identity.KeyId, login.SessionId, why, now));
        if (identity.IsConnected && identity.ProviderAccountId is { } providerAccountId)
        {
            await provider.DisconnectAsync(providerAccountId, ct);
            stream.AppendOne(new LinkedInSessionEnded(identity.Id, identity.AccountId, identity.KeyId, identity.SeatId,
                Contracts.LinkedInDisconnected.LoggedOut, now));
        }
        LoginKeys.DestroyAll(session, identity.Id);
    }
}
