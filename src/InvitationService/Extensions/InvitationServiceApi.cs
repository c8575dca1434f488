using Outreach.InvitationService.Invitations;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Extensions;

/// <summary>Every public route of invitation-service, in one place, so a newcomer finds a route by its path.</summary>
internal static class InvitationServiceApi
{
    public static WebApplication MapInvitationServiceApi(this WebApplication app)
    {
        var tenant = app.MapGroup("").RequireAuthorization(AccessKeyScheme.Name).WithTags("Invitations");
        tenant.MapGet("/api/v1/users/invite/sent", ListSentInvitations.Handle);
        return app;
    }
}
