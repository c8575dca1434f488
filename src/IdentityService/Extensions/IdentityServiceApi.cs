using Outreach.IdentityService.Identities;
using Outreach.IdentityService.Internal;
using Outreach.IdentityService.LinkedIn;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.IdentityService.Extensions;

/// <summary>Every public route of identity-service, in one place, so a newcomer finds a route by its path.</summary>
internal static class IdentityServiceApi
{
    public static WebApplication MapIdentityServiceApi(this WebApplication app)
    {
        var tenant = app.MapGroup("").RequireAuthorization(AccessKeyScheme.Name).WithTags("Identities");
        tenant.MapIdentitiesApi();
        tenant.MapLinkedInApi();
        app.MapInternalSeatApi();
        return app;
    }
}
