using Outreach.SeatService.Members.UserManagement;
using Outreach.SeatService.Members.Workspace;

namespace Outreach.SeatService.Members;

/// <summary>The routes of both member APIs. The caller's group applies access-key authorization.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        // Seed 001 (AiKYNETIX user management). Paths keep the seed's trailing slash; routing also matches them without it.
        var users = app.MapGroup("/user-management").WithTags("Members (seed 001)");
        users.MapPost("/users/", CreateUser.Handle).WithName("CreateUser").WithSummary("Create a user from email, display_name and an optional phone");
        users.MapPut("/users/", UpdateUser.Handle).WithName("UpdateUser").WithSummary("Update a user (user_uid in the body) and its extra profile attributes");
        users.MapGet("/users/", ListUsers.Handle).WithName("ListUsers").WithSummary("List users by uid, paged with start_after_id or end_before_id and limit");
        users.MapGet("/users/{user_uid}", GetUser.Handle).WithName("GetUser").WithSummary("Get one user by user_uid");
        users.MapDelete("/users/", DeleteUser.Handle).WithName("DeleteUser").WithSummary("Delete a user (user_uid in the body)");
        users.MapGet("/invitations/", ListInvitations.Handle).WithName("ListInvitations").WithSummary("List open member invitations, ACTIVE or EXPIRED");
        users.MapPost("/invitations/", CreateInvitation.Handle).WithName("CreateInvitation").WithSummary("Invite someone (a sub-admin by default); returns the invite_token");
        users.MapDelete("/invitations/", RemoveInvitation.Handle).WithName("RemoveInvitation").WithSummary("Remove an invitation by invite_token");
        users.MapGet("/sub-admins/", ListSubAdmins.Handle).WithName("ListSubAdmins").WithSummary("List sub-admins (active members of type ADMIN)");
        users.MapPost("/sub-admins/", AddSubAdmin.Handle).WithName("AddSubAdmin").WithSummary("Make a user a sub-admin (account type ADMIN)");
        users.MapDelete("/sub-admins/", RemoveSubAdmin.Handle).WithName("RemoveSubAdmin").WithSummary("Remove a sub-admin (the user stays, as DEVELOPER)");
        users.MapGet("/organization/status", OrganizationStatus.Handle).WithName("OrganizationStatus").WithSummary("Organisation status: the account and its member counts");

        // Seed 002 (workspace users) over REST: listUsers, inviteUser, updateUserAccountType, disableUser.
        var workspace = app.MapGroup("/v1/workspace").WithTags("Members (seed 002)");
        workspace.MapGet("/users", ListWorkspaceUsers.Handle).WithName("ListWorkspaceUsers").WithSummary("listUsers: active and invited users");
        workspace.MapPost("/invitations", InviteUser.Handle).WithName("InviteWorkspaceUser").WithSummary("inviteUser: invite an email as ADMIN or DEVELOPER");
        workspace.MapPut("/users/{uid}/account-type", UpdateUserAccountType.Handle).WithName("UpdateUserAccountType").WithSummary("updateUserAccountType: set a user to ADMIN or DEVELOPER");
        workspace.MapPost("/users/{uid}/disable", DisableUser.Handle).WithName("DisableUser").WithSummary("disableUser: the user leaves activeUsers");
        return app;
    }
}
