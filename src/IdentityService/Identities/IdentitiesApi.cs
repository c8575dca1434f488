namespace Outreach.IdentityService.Identities;

/// <summary>Seed 003's identity routes. The caller's group applies access-key authorization.</summary>
public static class IdentitiesApi
{
    public static IEndpointRouteBuilder MapIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var identities = app.MapGroup("/v1/identities").WithTags("Identities (seed 003)");
        identities.MapPost("", CreateIdentity.Handle).WithName("CreateIdentity").WithSummary("Create an identity from firstName, lastName and role");
        identities.MapGet("", ListIdentities.Handle).WithName("ListIdentities").WithSummary("List the caller's identities");
        identities.MapGet("/{identity_id}", GetIdentity.Handle).WithName("GetIdentity").WithSummary("Get one identity");
        identities.MapPut("/{identity_id}", UpdateIdentity.Handle).WithName("UpdateIdentity").WithSummary("Update firstName, lastName and jobTitle (alias role)");
        identities.MapDelete("/{identity_id}", DeleteIdentity.Handle).WithName("DeleteIdentity").WithSummary("Delete an identity and destroy its personal data");
        return app;
    }
}
