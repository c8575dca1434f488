using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.InvitationService.Provider;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// DELETE /api/v1/users/invite/sent/{invitation_id}?account_id= → 200 {"object":"InvitationCancelled","invitation_id"}:
/// withdraws a sent invitation at LinkedIn (after which LinkedIn refuses a new one to the same person for three
/// weeks), or drops a queued one before it goes out. Under the sender's gate, so the queue cannot be sending it meanwhile.
/// Accepted, failed or already withdrawn ones answer 409.
/// </summary>
public static class WithdrawInvitation
{
    public sealed record Response(string InvitationId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationCancelled";
    }

    public static async Task<IResult> Handle([FromRoute(Name = "invitation_id")] string invitationId, [FromQuery(Name = "account_id")] string? accountId,
        ClaimsPrincipal user, NpgsqlDataSource db, IDocumentStore store, IInvitationProvider provider, SenderGate gate, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var caller = user.Tenant();
        if (!InvitationIds.IsInvitationId(invitationId))
            return InvitationErrors.InvitationNotFound(invitationId);
        if (accountId is not null && InvitationFields.RequireId(accountId, "account_id") is { } badAccount)
            return badAccount;
        var row = await InvitationRow.FindAsync(db, caller.KeyId, caller.AccountId, invitationId, ct);
        if (row is null)
            return InvitationErrors.InvitationNotFound(invitationId);
        var sender = await SenderView.ForIdentityAsync(db, row.IdentityId, ct);
        if (accountId is not null && sender?.ProviderAccountId != accountId)
            return InvitationErrors.InvitationNotFound(invitationId);

        await using var held = await gate.EnterAsync(row.SenderKey, ct);
        await using var session = store.LightweightSession();
        session.TenantId = caller.KeyId;
        var stream = await session.Events.FetchForWriting<Invitation>(invitationId, ct);
        var invitation = stream.Aggregate!;
        if (!invitation.CanBeWithdrawn)
            return Problems.Conflict($"The invitation is {invitation.Status}; only a queued or sent invitation can be withdrawn.");
        switch (invitation.Status)
        {
            case InvitationStatus.Queued:
                break;
            case InvitationStatus.Sent:
                if (sender is null || !sender.Connected)
                    return InvitationErrors.Disconnected("The LinkedIn account is disconnected; it must log in again before withdrawing.");
                ProviderAnswer<bool> answer;
                try
                {
                    answer = await provider.WithdrawInvitationAsync(sender.ProviderAccountId, invitation.ProviderInvitationId!, ct);
                }
                catch (ProviderUnavailableException e)
                {
                    return InvitationErrors.Unavailable($"The invitation was not withdrawn: {e.Message}");
                }
                if (!answer.Succeeded)
                    return InvitationErrors.FromProvider(http, answer.Error!);
                break;
        }

        stream.AppendOne(new InvitationWithdrawn(invitationId, caller.KeyId, clock.GetUtcNow()));
        await session.SaveChangesAsync(CancellationToken.None);
        return Results.Ok(new Response(invitationId));
    }
}
