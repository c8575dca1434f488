using Outreach.SeatService.Accounts;
using Outreach.SeatService.Auth;
using Outreach.SeatService.Connect;
using Outreach.SeatService.Members;
using Outreach.SeatService.Seats;

namespace Outreach.SeatService.Extensions;

/// <summary>Every public route of seat-service, in one place, so a newcomer finds a route by its path.</summary>
internal static class SeatServiceApi
{
    public static WebApplication MapSeatServiceApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(OperatorAuthenticationHandler.SchemeName).WithTags("Operator");
        admin.MapPost("/accounts", CreateAccount.Handle);
        admin.MapPost("/accounts/{accountId}/access-keys", IssueAccessKey.Handle);
        admin.MapDelete("/accounts/{accountId}/access-keys/{keyId}", RevokeAccessKey.Handle);
        admin.MapGet("/accounts/{accountId}/status", AccountStatus.Handle);
        admin.MapPut("/accounts/{accountId}/rate-limit", SetRateLimit.Handle);

        var tenant = app.MapGroup("").RequireAuthorization(AccessKeyAuthenticationHandler.SchemeName).WithTags("Seats");
        // The other services' key check: not counted, or a tenant busy here would get 503s from them (their check
        // would meet the limit). It only reads the key the caller already presented.
        tenant.MapGet("/v1/access-keys/current", CurrentAccessKey.Handle).DisableRateLimiting();
        tenant.MapGet("/user-list", UserList.Handle);
        tenant.MapPost("/functions/v1/api-user-management", UserManagementEndpoint.Handle);
        tenant.MapMembersApi();

        // The connect flow's pages (HTML, anti-forgery on every form post): no access key, the link is the credential.
        var connect = app.MapGroup("/c/{token}").WithTags("Connect").ExcludeFromDescription();
        connect.MapGet("", OpenConnectLink.Handle);
        connect.MapPost("/signup", SignUp.Handle);
        connect.MapPost("/resume", ResumeOnboarding.Handle);
        connect.MapPost("/linkedin", ConnectLinkedIn.Start);
        connect.MapPost("/linkedin/code", ConnectLinkedIn.Code);
        connect.MapGet("/linkedin/status", ConnectLinkedIn.Status);
        connect.MapPost("/product", SetupWizard.Product);
        connect.MapPost("/profile", SetupWizard.Profile);
        connect.MapPost("/review", SetupWizard.Review);
        connect.MapPost("/complete", SetupWizard.Complete);
        app.MapGet(ConnectPage.StylesheetPath, ConnectPage.Stylesheet).ExcludeFromDescription();
        return app;
    }
}
