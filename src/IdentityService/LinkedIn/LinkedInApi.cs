namespace Outreach.IdentityService.LinkedIn;

/// <summary>Seed 003's LinkedIn routes under an identity. The caller's group applies access-key authorization.</summary>
public static class LinkedInApi
{
    public static IEndpointRouteBuilder MapLinkedInApi(this IEndpointRouteBuilder app)
    {
        var linkedIn = app.MapGroup("/v1/identities/{identity_id}/linkedin").WithTags("LinkedIn (seed 003)");
        linkedIn.MapPost("/login", StartLogin.Handle).WithName("LinkedInLogin").WithSummary("Start a LinkedIn login (queued); without credentials, re-authenticate from the stored session");
        linkedIn.MapGet("/status/{session_id}", GetLoginStatus.Handle).WithName("LinkedInLoginStatus").WithSummary("Progress of a login: queued, in_progress, checkpoint, connected, failed or expired");
        linkedIn.MapPost("/code/{session_id}", SubmitCode.Handle).WithName("LinkedInSubmitCode").WithSummary("Submit the 2FA/OTP code of a checkpoint");
        linkedIn.MapGet("/check", CheckConnection.Handle).WithName("LinkedInCheck").WithSummary("The identity's current LinkedIn connection");
        return app;
    }
}
