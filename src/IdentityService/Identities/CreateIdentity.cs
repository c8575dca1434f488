using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// POST /v1/identities {firstName, lastName, role} → 201 {"status":"success","identity":{…}} (seed 003).
/// `jobTitle` is accepted in place of `role`: the document names the same field both ways.
/// </summary>
public static class CreateIdentity
{
    public sealed record Request(
        [property: System.Text.Json.Serialization.JsonPropertyName("firstName")] string? FirstName,
        [property: System.Text.Json.Serialization.JsonPropertyName("lastName")] string? LastName,
        [property: System.Text.Json.Serialization.JsonPropertyName("role")] string? Role,
        [property: System.Text.Json.Serialization.JsonPropertyName("jobTitle")] string? JobTitle);

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
            return Problems.Invalid("firstName", "A JSON body with firstName, lastName and role is required.");
        if (request.Role is not null && request.JobTitle is not null && request.Role.Trim() != request.JobTitle.Trim())
            return Problems.Invalid("jobTitle", "jobTitle and role name the same field; send one, or the same value in both.");
        if (IdentityFields.Text(request.FirstName, "firstName", IdentityFields.MaxNameLength, required: true, out var firstName) is { } badFirst)
            return badFirst;
        if (IdentityFields.Text(request.LastName, "lastName", IdentityFields.MaxNameLength, required: true, out var lastName) is { } badLast)
            return badLast;
        var roleField = request.Role is null && request.JobTitle is not null ? "jobTitle" : "role";
        if (IdentityFields.Text(request.Role ?? request.JobTitle, roleField, IdentityFields.MaxRoleLength, required: true, out var role) is { } badRole)
            return badRole;

        var caller = user.Tenant();
        var identityId = Start(session, caller, seatId: null, firstName!, lastName!, role!, clock.GetUtcNow());
        await session.SaveChangesAsync(ct);

        var created = await IdentityDirectory.FindAsync(db, caller.KeyId, identityId, ct);
        return Results.Created($"/v1/identities/{identityId}", new IdentityEnvelope("success", created!));
    }

    /// <summary>
    /// Stages a new identity in <paramref name="session"/>: its own key, and its creation with the personal fields
    /// sealed. The API creates identities without a seat; the connect flow creates them with one.
    /// </summary>
    public static string Start(IDocumentSession session, CallerKey owner, string? seatId, string firstName, string lastName, string role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(owner);
        var identityId = IdentityFields.NewId();
        var key = PersonalDataCipher.NewKey();
        IdentityKeys.Store(session, identityId, key, now);
        session.Events.StartStream<Identity>(identityId, new IdentityCreated(identityId, owner.AccountId, owner.KeyId, seatId,
            PersonalDataCipher.Encrypt(key, identityId, firstName),
            PersonalDataCipher.Encrypt(key, identityId, lastName),
            PersonalDataCipher.Encrypt(key, identityId, role), now));
        return identityId;
    }
}

public sealed record IdentityEnvelope(string Status, IdentityView Identity);
