using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// GET /v1/invitations?account_id=&amp;status=&amp;limit=&amp;cursor= → 200 {"object":"InvitationList","items":[…],"cursor"}:
/// every invitation under the caller's key, sent now or queued, newest first, in any state (queued, sending, sent,
/// failed, withdrawn, accepted, cancelled); filtered by account and by one status.
/// </summary>
public static class ListInvitations
{
    public sealed record Item(string Id, string? AccountId, string? ProviderId, string? PublicIdentifier, string? Message, string Status,
        string? Reason, string? ErrorType, string? BatchId, DateTimeOffset RequestedAt, DateTimeOffset? SentAt, DateTimeOffset? AcceptedAt,
        DateTimeOffset? WithdrawnAt)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "Invitation";
    }

    public sealed record Response(IReadOnlyList<Item> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationList";
    }

    public static async Task<IResult> Handle([FromQuery(Name = "account_id")] string? accountId, string? status, string? limit, string? cursor,
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var badLimit = InvitationFields.ParseLimit(limit, out var size);
        var badCursor = InvitationFields.ParseCursor(cursor, out var before);
        if ((badLimit ?? badCursor) is { } invalid)
            return invalid;
        if (status is not null && !InvitationStatus.All.Contains(status))
            return InvitationErrors.Invalid("status", $"status must be one of {string.Join(", ", InvitationStatus.All)}.");
        var caller = user.Tenant();
        string? identityId = null;
        if (accountId is not null)
        {
            if (InvitationFields.RequireId(accountId, "account_id") is { } badAccount)
                return badAccount;
            if (await SenderView.ForCallerAsync(db, accountId, caller.AccountId, caller.KeyId, ct) is not { } sender)
                return InvitationErrors.AccountNotFound(accountId);
            identityId = sender.IdentityId;
        }

        var (rows, next) = await InvitationRow.PageAsync(db, caller.KeyId, caller.AccountId, identityId, status is null ? null : [status], before, size, ct);
        return Results.Ok(new Response(rows.Select(r => new Item(r.Id, r.ProviderAccountId, r.RecipientProviderId, r.RecipientPublicIdentifier, r.Message,
            r.Status, r.Reason, r.ErrorType, r.BatchId, r.RequestedAt, r.SentAt, r.AcceptedAt, r.WithdrawnAt)).ToList(), next));
    }
}
