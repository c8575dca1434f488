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
        users.MapPost("/users/", CreateUser.Handle).WithName("CreateUser");
        users.MapPut("/users/", UpdateUser.Handle).WithName("UpdateUser");
        users.MapGet("/users/", ListUsers.Handle).WithName("ListUsers");
        users.MapGet("/users/{user_uid}", GetUser.Handle).WithName("GetUser");
        users.MapDelete("/users/", DeleteUser.Handle).WithName("DeleteUser");
        users.MapGet("/invitations/", ListInvitations.Handle).WithName("ListInvitations");
        users.MapPost("/invitations/", CreateInvitation.Handle).WithName("CreateInvitation");
        users.MapDelete("/invitations/", RemoveInvitation.Handle).WithName("RemoveInvitation");
        users.MapGet("/sub-admins/", ListSubAdmins.Handle).WithName("ListSubAdmins");
        users.MapPost("/sub-admins/", AddSubAdmin.Handle).WithName("AddSubAdmin");
        users.MapDelete("/sub-admins/", RemoveSubAdmin.Handle).WithName("RemoveSubAdmin");
        users.MapGet("/organization/status", OrganizationStatus.Handle).WithName("OrganizationStatus");

        // Seed 002 (workspace users) over REST: listUsers, inviteUser, updateUserAccountType, disableUser.
        var workspace = app.MapGroup("/v1/workspace").WithTags("Members (seed 002)");
        workspace.MapGet("/users", ListWorkspaceUsers.Handle).WithName("ListWorkspaceUsers");
        workspace.MapPost("/invitations", InviteUser.Handle).WithName("InviteWorkspaceUser");
        workspace.MapPut("/users/{uid}/account-type", UpdateUserAccountType.Handle).WithName("UpdateUserAccountType");
        workspace.MapPost("/users/{uid}/disable", DisableUser.Handle).WithName("DisableUser");
        return app;
    }
}
