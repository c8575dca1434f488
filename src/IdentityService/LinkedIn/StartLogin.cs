using Outreach.ServiceDefaults.Auth;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// POST /v1/identities/{identity_id}/linkedin/login {username?, password?, country?, max_verification_wait_time?}
/// → 200 {"status":"success","message":"LinkedIn login initiated","identity_id","login_result":{profile_id, session_id, status:"queued"}}.
/// The request appends LinkedInLoginRequested (published as LoginQueued); the worker does the rest. Without username
/// and password the stored session is used, which needs an identity that was connected before. A second login while
/// one is in flight is a 409 (Unipile answers 425 auth_in_progress). Past the identity's login budget (LoginThrottle: 5
/// starts in 15 minutes) it is a 429 with retry-after, and nothing is appended.
/// </summary>
public static class StartLogin
{
    public const int DefaultMaxVerificationWaitSeconds = 600;
    public const int MaxVerificationWaitLimitSeconds = 3600;

    public sealed record Request(string? Username, string? Password, string? Country,
        [property: JsonPropertyName("max_verification_wait_time")] int? MaxVerificationWaitTime);

    public sealed record LoginResult([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ProfileId, string SessionId, string Status);

    public sealed record Response(string Status, string Message, string IdentityId, LoginResult LoginResult);

    public static async Task<IResult> Handle([FromRoute(Name = "identity_id")] string identityId, Request? request, ClaimsPrincipal user,
        IDocumentSession session, LoginThrottle throttle, TimeProvider clock, CancellationToken ct)
    {
        var stream = await TenantIdentities.LoadAsync(session, identityId, user.Tenant(), ct);
        if (stream?.Aggregate is not { } identity)
            return Problems.NotFound("identity");
        request ??= new Request(null, null, null, null);
        if (Validate(request, identity) is { } invalid)
            return invalid;
        var now = clock.GetUtcNow();
        var wait = request.MaxVerificationWaitTime ?? DefaultMaxVerificationWaitSeconds;
        var sessionId = LoginIds.NewSessionId();
        var usesStoredSession = request.Username is null;
        if (identity.RequestLogin(sessionId, request.Country?.Trim().ToUpperInvariant(), wait, usesStoredSession, now) is not { } requested)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Login in progress", type: "errors/auth_in_progress",
                detail: $"A LinkedIn login for this identity is still in progress (session {identity.Login!.SessionId}); finish or let it expire first.");
        if (throttle.Refuse(identity, now) is { } throttled)
            return throttled;

        var key = PersonalDataCipher.NewKey();
        LoginKeys.Store(session, identity.Id, sessionId, key, now);
        if (!usesStoredSession)
            LoginKeys.StoreCredentials(session, identity.Id, sessionId, key, request.Username!.Trim(), request.Password!, now.AddSeconds(wait));
        session.TenantId = identity.KeyId;
        stream.AppendOne(requested);
        await session.SaveChangesAsync(ct);

        return Results.Ok(new Response("success", "LinkedIn login initiated", identity.Id,
            new LoginResult(identity.ProfileId, sessionId, LoginStatus.Queued)));
    }

    private static IResult? Validate(Request request, Identity identity)
    {
        if (request.Username is null != (request.Password is null))
            return request.Username is null
                ? Problems.Invalid("username", "username is required with a password.")
                : Problems.Invalid("password", "password is required with a username.");
        if (request.Username is null && identity.SealedSessionToken is null)
            return Problems.Invalid("username", "username and password are required: this identity has no stored LinkedIn session.");
        if (request.Username is not null && (string.IsNullOrWhiteSpace(request.Username) || request.Username.Length > 254 || request.Username.Any(char.IsControl)))
            return Problems.Invalid("username", "username must be 1 to 254 characters without control characters.");
        if (request.Password is not null && (request.Password.Length is 0 or > 1024))
            return Problems.Invalid("password", "password must be 1 to 1024 characters.");
        if (request.Country is not null && !(request.Country.Trim() is { Length: 2 } code && code.All(char.IsAsciiLetter)))
            return Problems.Invalid("country", "country must be a two-letter ISO 3166 code, e.g. GB.");
        if (request.MaxVerificationWaitTime is { } wait && wait is < 1 or > MaxVerificationWaitLimitSeconds)
            return Problems.Invalid("max_verification_wait_time", $"max_verification_wait_time must be 1 to {MaxVerificationWaitLimitSeconds} seconds.");
        return null;
    }
}
