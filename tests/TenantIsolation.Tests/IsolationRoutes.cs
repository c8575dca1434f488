namespace Outreach.TenantIsolation.Tests;

/// <summary>Every public tenant route of every service, naming the victim's ids in path, query and body.</summary>
public static class IsolationRoutes
{
    private const string Seats = IsolationFixture.SeatService;
    private const string Identities = IsolationFixture.IdentityService;
    private const string Invitations = IsolationFixture.InvitationService;
    private const string Manage = TenantState.Manage;
    private static readonly int[] NotFound = [404];
    private static readonly int[] Listed = [200];
    private static readonly int[] ListedOrNotFound = [200, 404];

    public static IReadOnlyList<RouteCase> All =>
    [
        .. SeatRoutes, .. MemberRoutes, .. IdentityRoutes, .. InvitationRoutes,
    ];

    private static IEnumerable<RouteCase> SeatRoutes =>
    [
        new(Seats, "GET", "/user-list", null, Listed),
        new(Seats, "GET", "/user-list?status=pending", null, Listed),
        new(Seats, "GET", "/user-list?status=active", null, Listed),
        new(Seats, "GET", "/v1/access-keys/current", null, Listed),
        new(Seats, "POST", Manage, """{"action":"add"}""", Listed, RevokedOnly: true),
        new(Seats, "POST", Manage, """{"action":"suspend","user_id":"{activeSeat}"}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"suspend","user_id":"{pendingSeat}"}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"unsuspend","user_id":"{activeSeat}"}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"set_daily_limit","user_id":"{activeSeat}","daily_limit":7}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"migrate","user_ids":["{activeSeat}","{pendingSeat}"],"target_access_key":"{ownOtherKey}"}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"migrate","user_ids":["{activeSeat}"],"target_access_key":"{accessKey}"}""", [403]),
        new(Seats, "POST", Manage, """{"action":"disconnect","user_id":"{pendingSeat}"}""", NotFound),
        new(Seats, "POST", Manage, """{"action":"disconnect","user_id":"{activeSeat}"}""", NotFound),
    ];

    private static IEnumerable<RouteCase> MemberRoutes =>
    [
        new(Seats, "GET", "/user-management/users/", null, Listed),
        new(Seats, "GET", "/user-management/users/?start_after_id={uid}", null, ListedOrNotFound),
        new(Seats, "GET", "/user-management/users/?end_before_id={uid}&limit=100", null, ListedOrNotFound),
        new(Seats, "GET", "/user-management/users/{uid}", null, NotFound),
        new(Seats, "POST", "/user-management/users/", """{"email":"intruder@intruder.example.com","display_name":"Intruder"}""", [201], RevokedOnly: true),
        new(Seats, "PUT", "/user-management/users/", """{"user_uid":"{uid}","display_name":"Hijacked","colour":"red"}""", NotFound),
        new(Seats, "DELETE", "/user-management/users/", """{"user_uid":"{uid}"}""", NotFound),
        new(Seats, "GET", "/user-management/invitations/", null, Listed),
        new(Seats, "POST", "/user-management/invitations/", """{"email":"intruder@intruder.example.com"}""", [201], RevokedOnly: true),
        new(Seats, "DELETE", "/user-management/invitations/", """{"invite_token":"{inviteToken}"}""", NotFound),
        new(Seats, "GET", "/user-management/sub-admins/", null, Listed),
        new(Seats, "POST", "/user-management/sub-admins/", """{"user_uid":"{uid}"}""", NotFound),
        new(Seats, "DELETE", "/user-management/sub-admins/", """{"user_uid":"{uid}"}""", NotFound),
        new(Seats, "GET", "/user-management/organization/status", null, Listed),
        new(Seats, "GET", "/v1/workspace/users", null, Listed, KeyForm.KeyIdAndSecret),
        new(Seats, "POST", "/v1/workspace/invitations", """{"email":"intruder@intruder.example.com","accountType":"ADMIN"}""", [201], KeyForm.KeyIdAndSecret, RevokedOnly: true),
        new(Seats, "PUT", "/v1/workspace/users/{uid}/account-type", """{"accountType":"ADMIN"}""", NotFound, KeyForm.KeyIdAndSecret),
        new(Seats, "POST", "/v1/workspace/users/{uid}/disable", null, NotFound, KeyForm.KeyIdAndSecret),
    ];

    private static IEnumerable<RouteCase> IdentityRoutes =>
    [
        new(Identities, "GET", "/v1/identities", null, Listed),
        new(Identities, "POST", "/v1/identities", """{"firstName":"In","lastName":"Truder","role":"Sales"}""", [201], RevokedOnly: true),
        new(Identities, "GET", "/v1/identities/{identity}", null, NotFound),
        new(Identities, "PUT", "/v1/identities/{identity}", """{"firstName":"Hijacked","jobTitle":"Thief"}""", NotFound),
        new(Identities, "POST", "/v1/identities/{identity}/linkedin/login", "{}", NotFound),
        new(Identities, "POST", "/v1/identities/{identity}/linkedin/login", """{"username":"intruder@example.com","password":"pw"}""", NotFound),
        new(Identities, "GET", "/v1/identities/{identity}/linkedin/status/{session}", null, NotFound),
        new(Identities, "POST", "/v1/identities/{identity}/linkedin/code/{session}", """{"code":"123456"}""", NotFound),
        new(Identities, "GET", "/v1/identities/{identity}/linkedin/check", null, NotFound),
        new(Identities, "GET", "/v1/identities/{ownIdentity}/linkedin/status/{session}", null, NotFound),
        new(Identities, "POST", "/v1/identities/{ownIdentity}/linkedin/code/{session}", """{"code":"123456"}""", NotFound),
        new(Identities, "DELETE", "/v1/identities/{identity}", null, NotFound),
    ];

    private static IEnumerable<RouteCase> InvitationRoutes =>
    [
        new(Invitations, "GET", "/api/v1/users/intruder-lookup?account_id={account}", null, NotFound),
        new(Invitations, "POST", "/api/v1/users/invite", """{"provider_id":"{providerId}","account_id":"{account}"}""", NotFound),
        new(Invitations, "POST", "/api/v1/users/invite", """{"provider_id":"{providerId}","account_id":"{account}","message":"hi"}""", NotFound),
        new(Invitations, "GET", "/api/v1/users/invite/sent", null, Listed),
        new(Invitations, "GET", "/api/v1/users/invite/sent?account_id={account}", null, ListedOrNotFound),
        new(Invitations, "DELETE", "/api/v1/users/invite/sent/{sentInvitation}", null, NotFound),
        new(Invitations, "DELETE", "/api/v1/users/invite/sent/{sentInvitation}?account_id={account}", null, NotFound),
        new(Invitations, "DELETE", "/api/v1/users/invite/sent/{queuedInvitation}", null, NotFound),
        new(Invitations, "POST", "/v1/invitations/batch", """{"account_id":"{account}","invitations":[{"public_identifier":"intruder-target"}]}""", NotFound),
        new(Invitations, "POST", "/v1/invitations/batch", """{"account_id":"{account}","invitations":[{"provider_id":"{providerId}"}]}""", NotFound),
        new(Invitations, "GET", "/v1/invitations", null, Listed),
        new(Invitations, "GET", "/v1/invitations?account_id={account}", null, ListedOrNotFound),
        new(Invitations, "GET", "/v1/invitations?account_id={account}&status=queued&limit=100", null, ListedOrNotFound),
    ];
}
