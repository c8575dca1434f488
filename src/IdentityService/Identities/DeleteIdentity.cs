using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// DELETE /v1/identities/{identity_id} → {"status":"success","message","identity_id"}. The identity's key is destroyed
/// in the same transaction, so its names (and, later, its stored LinkedIn session) can no longer be read from the log.
/// </summary>
public static class DeleteIdentity
{
    public sealed record Response(string Status, string Message, string IdentityId);

    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, ClaimsPrincipal user,
        IDocumentSession session, LinkedIn.ILinkedInProvider provider, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var stream = await TenantIdentities.LoadAsync(session, identityId, user.Tenant(), ct);
        if (stream?.Aggregate is not { } identity)
            return Problems.NotFound("identity");

        if (identity.IsConnected && identity.ProviderAccountId is { } providerAccountId)
        {
            try
            {
                await provider.DisconnectAsync(providerAccountId, ct);
            }
            catch (LinkedIn.ProviderUnavailableException e)
            {
                // The deletion goes ahead: once the keys are gone our copy of the session is useless anyway.
                logs.CreateLogger(typeof(DeleteIdentity)).LogWarning(e, "Could not log identity {IdentityId} out at the provider", identity.Id);
            }
        }
        stream.AppendOne(new IdentityDeleted(identity.Id, identity.AccountId, identity.KeyId, identity.SeatId, clock.GetUtcNow()));
        IdentityKeys.Destroy(session, identity.Id);
        LinkedIn.LoginKeys.DestroyAll(session, identity.Id);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new Response("success", "Identity deleted", identity.Id));
    }
}
