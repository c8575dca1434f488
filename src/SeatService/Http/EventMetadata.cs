using System.Security.Claims;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService;

/// <summary>
/// Stamps the request's unit of work with who acted: every event and new stream records the caller's access key as
/// its tenant and the caller as its actor, so the log can be audited per tenant without reading event bodies.
/// </summary>
public static class EventMetadata
{
    public static WebApplication UseEventMetadata(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                var session = context.RequestServices.GetRequiredService<IDocumentSession>();
                if (user.FindFirstValue(TenantClaims.KeyId) is { } keyId)
                {
                    session.TenantId = keyId;
                    session.Actor = "key:" + keyId;
                }
                else if (user.IsInRole("operator"))
                {
                    session.Actor = "operator";
                }
            }
            await next(context);
        });
        return app;
    }
}
