using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Users;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Extensions;

/// <summary>Every public route of invitation-service, in one place, so a newcomer finds a route by its path.</summary>
internal static class InvitationServiceApi
{
    public static WebApplication MapInvitationServiceApi(this WebApplication app)
    {
        var tenant = app.MapGroup("").RequireAuthorization(AccessKeyScheme.Name).WithTags("Invitations");

        // Seed 004, in the provider's (Unipile's) shape.
        tenant.MapGet("/api/v1/users/invite/sent", ListSentInvitations.Handle);
        tenant.MapDelete("/api/v1/users/invite/sent/{invitation_id}", WithdrawInvitation.Handle);
        tenant.MapPost("/api/v1/users/invite", SendInvitation.Handle);
        tenant.MapGet("/api/v1/users/{identifier}", GetUserProfile.Handle);

        // Queued, paced sends.
        tenant.MapPost("/v1/invitations/batch", QueueBatch.Handle);
        tenant.MapGet("/v1/invitations", ListInvitations.Handle);
        return app;
    }
}
