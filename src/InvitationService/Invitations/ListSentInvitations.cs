using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// GET /api/v1/users/invite/sent?account_id=&amp;limit=&amp;cursor= → 200 {"object":"InvitationList","items":[…],"cursor"}: the
/// invitations we sent that are still pending at LinkedIn (not accepted, not withdrawn), newest first. Without
/// account_id, those of every account under the caller's key.
/// </summary>
public static class ListSentInvitations
{
    public sealed record Item(string Id, DateTimeOffset Date, string? InvitedUserId, string? InvitedUserPublicId, string InvitationText, string? AccountId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserInvitation";
    }

    public sealed record Response(IReadOnlyList<Item> Items,
        // The documented shape has "cursor": null on the last page; the JSON convention leaves nulls out otherwise.
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationList";
    }

    public static async Task<IResult> Handle([FromQuery(Name = "account_id")] string? accountId, string? limit, string? cursor, ClaimsPrincipal user,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var badLimit = InvitationFields.ParseLimit(limit, out var size);
        var badCursor = InvitationFields.ParseCursor(cursor, out var before);
        if ((badLimit ?? badCursor) is { } invalid)
            return invalid;
        var caller = user.Tenant();
        string? identityId = null;
        if (accountId is not null)
        {
            if (InvitationFields.RequireId(accountId, "account_id") is { } badAccount)
                return badAccount;
            var sender = await SenderView.ForCallerAsync(db, accountId, caller.AccountId, caller.KeyId, ct);
            if (sender is null)
                return InvitationErrors.AccountNotFound(accountId);
            identityId = sender.IdentityId;
        }

        var (rows, next) = await InvitationRow.PageAsync(db, caller.KeyId, caller.AccountId, identityId, [InvitationStatus.Sent], before, size, ct);
        return Results.Ok(new Response(
            rows.Select(r => new Item(r.Id, r.SentAt ?? r.RequestedAt, r.RecipientProviderId, r.RecipientPublicIdentifier, r.Message ?? "", r.ProviderAccountId)).ToList(),
            next));
    }
}
