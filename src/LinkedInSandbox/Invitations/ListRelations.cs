using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// GET /api/v1/users/relations?account_id=&amp;limit=&amp;cursor= → 200 UserRelationsList: the people who accepted
/// this member's invitations, newest acceptance first. (The sandbox's members start with no relations of their own.)
/// </summary>
public static class ListRelations
{
    private const string List = "relations";

    public sealed record RelationView(string MemberId, string PublicIdentifier, string FirstName, string LastName, DateTime CreatedAt)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserRelation";
    }

    /// <summary>cursor is written even when null: a client tells the last page by it.</summary>
    public sealed record Response(IReadOnlyList<RelationView> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserRelationsList";
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
            var newestFirst = ledger.Accepted.OrderByDescending(Key);
            var (page, next) = Paging.Page(List, newestFirst, Key, size, after);
            return Results.Ok(new Response(page.Select(View).ToList(), next));
        }
    }

    private static PageKey Key(SentInvitation invitation) => new(invitation.AcceptedAt!.Value.UtcTicks, invitation.Ordinal);

    private static RelationView View(SentInvitation invitation)
    {
        var (first, last) = PersonNames.Of(invitation.RecipientPublicIdentifier);
        return new RelationView(invitation.RecipientProviderId, invitation.RecipientPublicIdentifier, first, last, invitation.AcceptedAt!.Value.UtcDateTime);
    }
}
