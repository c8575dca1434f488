using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// PUT /v1/identities/{identity_id} {firstName?, lastName?, jobTitle?} → {"status":"success","identity":{…}}.
/// `role` is accepted in place of `jobTitle` (one field, two names in the document); fields left out are kept.
/// </summary>
public static class UpdateIdentity
{
    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, CreateIdentity.Request? request,
        ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var caller = user.Tenant();
        var stream = await TenantIdentities.LoadAsync(session, identityId, caller, ct);
        if (stream is null)
            return Problems.NotFound("identity");
        if (request is null || (request.FirstName, request.LastName, request.Role, request.JobTitle) is (null, null, null, null))
            return Problems.Invalid("firstName", "Send at least one of firstName, lastName and jobTitle.");
        if (request.Role is not null && request.JobTitle is not null && request.Role.Trim() != request.JobTitle.Trim())
            return Problems.Invalid("jobTitle", "jobTitle and role name the same field; send one, or the same value in both.");
        if (IdentityFields.Text(request.FirstName, "firstName", IdentityFields.MaxNameLength, required: false, out var firstName) is { } badFirst)
            return badFirst;
        if (IdentityFields.Text(request.LastName, "lastName", IdentityFields.MaxNameLength, required: false, out var lastName) is { } badLast)
            return badLast;
        var roleField = request.JobTitle is not null ? "jobTitle" : "role";
        if (IdentityFields.Text(request.JobTitle ?? request.Role, roleField, IdentityFields.MaxRoleLength, required: false, out var role) is { } badRole)
            return badRole;

        var key = await IdentityKeys.FindAsync(session, identityId, ct)
            ?? throw new InvalidOperationException($"Identity {identityId} has no key.");
        string? Seal(string? value) => value is null ? null : PersonalDataCipher.Encrypt(key, identityId, value);
        stream.AppendOne(new IdentityProfileUpdated(identityId, Seal(firstName), Seal(lastName), Seal(role), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Results.Ok(new IdentityEnvelope("success", (await IdentityDirectory.FindAsync(db, caller.KeyId, identityId, ct))!));
    }
}
