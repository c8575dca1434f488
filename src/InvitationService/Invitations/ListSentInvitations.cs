using System.Security.Claims;
using System.Text.Json.Serialization;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// GET /api/v1/users/invite/sent → 200 {"object":"InvitationList","items":[],"cursor":null}: the tenant's sent
/// invitations. Nothing records them yet, so the list is empty; the route exists now so that access-key authentication
/// across services is exercised end to end.
/// </summary>
public static class ListSentInvitations
{
    public sealed record Response(
        [property: JsonPropertyName("object")] string Kind,
        IReadOnlyList<object> Items,
        // The documented shape has "cursor": null on the last page; the JSON convention leaves nulls out otherwise.
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor);

    public static IResult Handle(ClaimsPrincipal user)
    {
        // Scoped to the caller's tenant like every tenant route, although there is nothing to filter yet.
        _ = user.Tenant();
        return Results.Ok(new Response("InvitationList", [], null));
    }
}
