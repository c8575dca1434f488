using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// GET /api/v1/users/invite/sent?account_id=&amp;limit=&amp;cursor= → 200 InvitationList: the member's pending
/// invitations (not withdrawn, not accepted), from every login of that member, newest first.
/// </summary>
public static class ListSentInvitations
{
    private const string List = "sent";

    public sealed record InvitationView(string Id, DateTime Date, string InvitedUser, string InvitedUserId, string InvitedUserPublicId, string InvitationText)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserInvitation";
    }

    /// <summary>cursor is written even when null: a client tells the last page by it.</summary>
    public sealed record Response(IReadOnlyList<InvitationView> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationList";
    }

    public static IResult Handle([FromQuery(Name = "account_id")] string? accountId, string? limit, string? cursor, AccountStore accounts, InvitationBook book)
    {
        if (string.IsNullOrEmpty(accountId))
            return UnipileErrors.InvalidParameter("account_id is required.");
        var (badPage, size, after) = Paging.Parse(List, limit, cursor);
        if (badPage is not null)
            return badPage;
        var (error, account) = ConnectedAccounts.Find(accountId, accounts);
        if (error is not null)
            return error;

        var ledger = book.For(account!.MemberId);
        lock (ledger.Gate)
        {
            ledger.Refresh(book.Clock.GetUtcNow());
            var newestFirst = ledger.Pending.OrderByDescending(Key);
            var (page, next) = Paging.Page(List, newestFirst, Key, size, after);
            return Results.Ok(new Response(page.Select(View).ToList(), next));
        }
    }

    private static PageKey Key(SentInvitation invitation) => new(invitation.SentAt.UtcTicks, invitation.Ordinal);

    private static InvitationView View(SentInvitation invitation) => new(
        invitation.Id,
        invitation.SentAt.UtcDateTime,
        PersonNames.FullName(invitation.RecipientPublicIdentifier),
        invitation.RecipientProviderId,
        invitation.RecipientPublicIdentifier,
        invitation.Message);
}
