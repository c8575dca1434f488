using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// DELETE /api/v1/users/invite/sent/{invitation_id}?account_id= → 200 InvitationCancelled. Only a pending invitation
/// of this member can be withdrawn (404 otherwise, accepted ones included); the withdrawal starts the resend cooldown.
/// </summary>
public static class WithdrawInvitation
{
    public sealed record Response(string InvitationId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationCancelled";
    }

    public static IResult Handle(string invitationId, [FromQuery(Name = "account_id")] string? accountId, AccountStore accounts, InvitationBook book)
    {
        var (error, account) = ConnectedAccounts.Find(accountId, accounts);
        if (error is not null)
            return error;

        var ledger = book.For(account!.MemberId);
        lock (ledger.Gate)
        {
            var now = book.Clock.GetUtcNow();
            // An acceptance that came due first wins: the invitation is gone from the sent list, as on LinkedIn.
            ledger.Refresh(now);
            if (ledger.Find(invitationId) is not { IsPending: true } invitation)
                return UnipileErrors.NotFound($"No pending invitation '{invitationId}' from this account.");
            invitation.Withdraw(now);
            return Results.Ok(new Response(invitation.Id));
        }
    }
}
