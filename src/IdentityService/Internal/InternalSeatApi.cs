using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.IdentityService.Internal;

/// <summary>
/// Routes seat-service calls for the connect-link flow, never exposed to tenants. The person on the link has no
/// access key, so seat-service acts for them with the operator token; each route then runs seed 003's own handler
/// under the identity's key, so the rules (validation, one login in flight, sealed credentials) are the same code.
/// </summary>
public static class InternalSeatApi
{
    /// <summary>The role sealed on a seat's identity: the sign-up asks only for a name and an email.</summary>
    public const string SeatRole = "Outreach seat";

    public sealed record CreateRequest(
        [property: JsonPropertyName("account_id")] string? AccountId, [property: JsonPropertyName("key_id")] string? KeyId,
        [property: JsonPropertyName("first_name")] string? FirstName, [property: JsonPropertyName("last_name")] string? LastName);

    public sealed record CreateResponse([property: JsonPropertyName("identity_id")] string IdentityId);

    public static IEndpointRouteBuilder MapInternalSeatApi(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var internalRoutes = app.MapGroup("/internal").AddEndpointFilter(OperatorToken.Filter(configuration)).ExcludeFromDescription();
        internalRoutes.MapPost("/seats/{seat_id}/identity", CreateSeatIdentity);
        internalRoutes.MapPost("/identities/{identity_id}/linkedin/login", Login);
        internalRoutes.MapGet("/identities/{identity_id}/linkedin/status/{session_id}", Status);
        internalRoutes.MapPost("/identities/{identity_id}/linkedin/code/{session_id}", Code);
        internalRoutes.MapPost("/identities/{identity_id}/linkedin/decline/{session_id}", Decline);
        return app;
    }

    /// <summary>Idempotent: a seat has one identity under its key; asking again answers the same id.</summary>
    private static async Task<IResult> CreateSeatIdentity([FromRoute(Name = "seat_id")] string seatId, CreateRequest? request,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (request is not { AccountId: { Length: > 0 } accountId, KeyId: { Length: > 0 } keyId })
            return Problems.Invalid("key_id", "account_id and key_id are required.");
        if (IdentityFields.Text(request.FirstName, "first_name", IdentityFields.MaxNameLength, required: true, out var first) is { } badFirst)
            return badFirst;
        if (IdentityFields.Text(request.LastName, "last_name", IdentityFields.MaxNameLength, required: true, out var last) is { } badLast)
            return badLast;

        var existing = await Seats.SeatIdentities.LoadAsync(session, seatId, keyId, ct);
        if (existing.Count > 0)
            return Results.Ok(new CreateResponse(existing[0].Aggregate!.Id));
        var id = CreateIdentity.Start(session, new CallerKey(accountId, keyId), seatId, first!, last!, SeatRole, clock.GetUtcNow());
        await session.SaveChangesAsync(ct);
        return Results.Ok(new CreateResponse(id));
    }

    private static async Task<IResult> Login([FromRoute(Name = "identity_id")] string identityId, StartLogin.Request? request,
        IDocumentSession session, LoginThrottle throttle, TimeProvider clock, CancellationToken ct) =>
        await OwnerAsync(session, identityId, ct) is { } owner
            ? await StartLogin.Handle(identityId, request, owner, session, throttle, clock, ct)
            : Problems.NotFound("identity");

    private static async Task<IResult> Status([FromRoute(Name = "identity_id")] string identityId, [FromRoute(Name = "session_id")] string sessionId,
        IDocumentSession session, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        await OwnerAsync(session, identityId, ct) is { } owner
            ? await GetLoginStatus.Handle(identityId, sessionId, owner, db, clock, ct)
            : Problems.NotFound("login session");

    private static async Task<IResult> Code([FromRoute(Name = "identity_id")] string identityId, [FromRoute(Name = "session_id")] string sessionId,
        SubmitCode.Request? request, IDocumentSession session, NpgsqlDataSource db, ILinkedInProvider provider, TimeProvider clock, CancellationToken ct) =>
        await OwnerAsync(session, identityId, ct) is { } owner
            ? await SubmitCode.Handle(identityId, sessionId, request, owner, session, db, provider, clock, ct)
            : Problems.NotFound("login session");

    /// <summary>The connect page cannot show this checkpoint: the login fails now so that the page's retry can start another.</summary>
    private static async Task<IResult> Decline([FromRoute(Name = "identity_id")] string identityId, [FromRoute(Name = "session_id")] string sessionId,
        IDocumentSession session, NpgsqlDataSource db, ILinkedInProvider provider, TimeProvider clock, CancellationToken ct) =>
        await OwnerAsync(session, identityId, ct) is { } owner
            ? await DeclineCheckpoint.Handle(identityId, sessionId, owner, session, db, provider, clock, ct)
            : Problems.NotFound("login session");

    /// <summary>The principal of the seat identity's own key; identities made through the API (no seat) are not reachable here.</summary>
    private static async Task<ClaimsPrincipal?> OwnerAsync(IDocumentSession session, string identityId, CancellationToken ct)
    {
        if (!IdentityFields.IsIdentityId(identityId))
            return null;
        var stream = await session.Events.FetchForWriting<Identity>(identityId, ct);
        return stream.Aggregate is { IsDeleted: false, SeatId: not null } identity
            ? new CallerKey(identity.AccountId, identity.KeyId).ToPrincipal("Operator")
            : null;
    }
}
