using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Outreach.EventSourcing;
using Outreach.SeatService.Seats;
using static Outreach.SeatService.Connect.ConnectPage;

namespace Outreach.SeatService.Connect;

/// <summary>
/// The Connect LinkedIn step. The form posts username and password once (POST /c/{token}/linkedin); seat-service
/// forwards them to identity-service's login in that request's body and forgets them. The page then follows the
/// login: it polls GET /c/{token}/linkedin/status (JSON) every second and reopens the link when the state changes (a
/// meta refresh without JavaScript on the waiting screens). A 2FA/OTP checkpoint shows a code field (POST
/// /c/{token}/linkedin/code); an in-app approval a waiting screen; a checkpoint it cannot show is declined; a failure
/// or expiry says why and offers the form again.
/// </summary>
public static class ConnectLinkedIn
{
    /// <summary>The step's page for a signed-up, bound browser whose seat is not connected yet.</summary>
    public static async Task<IResult> Page(HttpContext http, string token, Seat seat, IdentityServiceClient identities, string? error, CancellationToken ct)
    {
        if (seat.IsLinkedInConnected)
            return SetupWizard.Page(http, token, seat);
        if (seat.LoginSessionId is not { } sessionId)
            return LoginForm(http, token, 200, error);
        var state = await StateAsync(identities, seat, sessionId, ct);
        return state.Status switch
        {
            "queued" or "in_progress" => Waiting(http, token, state, "Connecting to LinkedIn…", "This takes a few seconds."),
            "checkpoint" when state.Checkpoint is "2FA" or "OTP" => CodeForm(http, token, state, error),
            "checkpoint" when state.Checkpoint is "IN_APP_VALIDATION" => Waiting(http, token, state, "Approve the sign-in in your LinkedIn app",
                "LinkedIn sent a request to your phone. Approve it there; this page continues by itself."),
            "checkpoint" => await DeclineAsync(http, token, identities, seat, sessionId, ct),
            "connected" => SetupWizard.Page(http, token, seat),
            "expired" => LoginForm(http, token, 200, "The sign-in took too long and expired. Try again."),
            _ => LoginForm(http, token, 200, FailureMessage(state.Reason)),
        };
    }

    public static async Task<IResult> Start(string token, [FromForm(Name = "username")] string? username, [FromForm(Name = "password")] string? password,
        ConnectLinkState links, IDocumentSession session, IdentityServiceClient identities, IOptions<ConnectLinkedInOptions> options, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var (refusal, stream) = await BoundSeatAsync(token, links, session, http, ct);
        if (refusal is not null)
            return refusal;
        var seat = stream!.Aggregate!;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
            return LoginForm(http, token, 422, "Enter your LinkedIn email and password.");

        var answer = await identities.StartLoginAsync(seat.IdentityId!, username.Trim(), password, options.Value.MaxVerificationWaitSeconds, ct);
        if (!answer.IsSuccess)
            return LoginForm(http, token, answer.Status == 409 ? 409 : 422, answer.Status == 409
                ? "A sign-in is already in progress. Wait for it to finish, then try again."
                : "LinkedIn could not take these details: " + answer.Detail);
        var sessionId = answer.Body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        session.TenantId = seat.KeyId;
        stream.AppendOne(new OnboardingLoginStarted(seat.Id, sessionId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Results.Redirect($"/c/{token}");
    }

    public static async Task<IResult> Code(string token, [FromForm(Name = "code")] string? code, ConnectLinkState links, IDocumentSession session,
        IdentityServiceClient identities, HttpContext http, CancellationToken ct)
    {
        var (refusal, stream) = await BoundSeatAsync(token, links, session, http, ct);
        if (refusal is not null)
            return refusal;
        var seat = stream!.Aggregate!;
        if (seat.LoginSessionId is not { } sessionId)
            return Results.Redirect($"/c/{token}");
        var answer = await identities.SubmitCodeAsync(seat.IdentityId!, sessionId, code ?? "", ct);
        if (answer.Status == 422)
        {
            var left = answer.Body.TryGetProperty("attempts_left", out var a) && a.TryGetInt32(out var n) ? n : (int?)null;
            return await Page(http, token, seat, identities, left is { } l ? $"That code is not right. {l} attempts left." : "Enter the code LinkedIn sent you.", ct);
        }
        return Results.Redirect($"/c/{token}");
    }

    /// <summary>GET /c/{token}/linkedin/status: the login's state for the page's poll. Ids and states only.</summary>
    public static async Task<IResult> Status(string token, ConnectLinkState links, IDocumentSession session, IdentityServiceClient identities,
        HttpContext http, CancellationToken ct)
    {
        var (refusal, stream) = await BoundSeatAsync(token, links, session, http, ct);
        if (refusal is not null)
            return Problems.Forbidden("This link is not open in this browser.");
        http.Response.Headers.CacheControl = "no-store";
        var seat = stream!.Aggregate!;
        if (seat.LoginSessionId is not { } sessionId)
            return Results.Json(new { status = "none", checkpoint = (string?)null });
        var state = await StateAsync(identities, seat, sessionId, ct);
        return Results.Json(new { status = state.Status, checkpoint = state.Checkpoint });
    }

    public sealed record LoginState(string Status, string? Checkpoint, string? Reason);

    private static async Task<LoginState> StateAsync(IdentityServiceClient identities, Seat seat, string sessionId, CancellationToken ct)
    {
        var answer = await identities.LoginStatusAsync(seat.IdentityId!, sessionId, ct);
        if (!answer.IsSuccess)
            return new LoginState("failed", null, "provider_unavailable");
        var result = answer.Body.GetProperty("login_result");
        return new LoginState(result.GetProperty("status").GetString()!,
            result.TryGetProperty("checkpoint", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("type").GetString() : null,
            result.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null);
    }

    private static async Task<(IResult? Refusal, IEventStream<Seat>? Stream)> BoundSeatAsync(string token, ConnectLinkState links, IDocumentSession session,
        HttpContext http, CancellationToken ct)
    {
        var (dead, _, stream) = await OpenConnectLink.LoadAsync(token, links, session, http, ct);
        if (dead is not null)
            return (dead, null);
        var seat = stream!.Aggregate!;
        if (!seat.IsSignedUp)
            return (Results.Redirect($"/c/{token}"), null);
        return OnboardingBrowser.IsBound(http, seat) ? (null, stream) : (ResumeOnboarding.Refusal(http, token, null), null);
    }

    /// <summary>
    /// A checkpoint this page cannot put in front of the person (a captcha, a phone number to register): the login is
    /// ended as failed, so the form's retry starts a new one. Left at its checkpoint, it would refuse every retry as
    /// "in progress" until its max_verification_wait_time ran out.
    /// </summary>
    private static async Task<IResult> DeclineAsync(HttpContext http, string token, IdentityServiceClient identities, Seat seat, string sessionId,
        CancellationToken ct)
    {
        await identities.DeclineCheckpointAsync(seat.IdentityId!, sessionId, ct);
        var state = await StateAsync(identities, seat, sessionId, ct);
        return state.Status switch
        {
            "expired" => LoginForm(http, token, 200, "The sign-in took too long and expired. Try again."),
            "connected" => SetupWizard.Page(http, token, seat),
            _ => LoginForm(http, token, 200, FailureMessage(state.Status == "failed" ? state.Reason : null)),
        };
    }

    private static string FailureMessage(string? reason) => reason switch
    {
        "invalid_credentials" => "LinkedIn did not accept that email and password. Check them and try again.",
        "captcha_failed" => "LinkedIn asked for a captcha that could not be solved. Try again in a few minutes.",
        "too_many_attempts" or "checkpoint_failed" => "The code was wrong too many times. Sign in again to get a new code.",
        "checkpoint_expired" => "The sign-in took too long and expired. Try again.",
        "checkpoint_declined" => "LinkedIn asked for a check this page cannot do here. Try again, or sign in to LinkedIn once in your browser first.",
        _ => "LinkedIn sign-in did not work. Try again.",
    };

    private static IResult LoginForm(HttpContext http, string token, int status, string? error) => Render(http, status, "Connect LinkedIn",
        (error is null ? "" : $"""<p class="error" role="alert">{E(error)}</p>""") +
        Paragraph("Sign in with your LinkedIn email and password. They go to LinkedIn once and are not kept here.") +
        """<p class="steps">Step 2 of 3: connect LinkedIn</p>""" +
        Form(http, $"/c/{token}/linkedin",
            Field("username", "LinkedIn email", "email", null, null, """autocomplete="username" required maxlength="254" """) +
            Field("password", "LinkedIn password", "password", null, null, """autocomplete="current-password" required maxlength="1024" """),
            "Connect LinkedIn"));

    /// <summary>
    /// The code field. It follows the login as the waiting screen does (JavaScript only: a meta refresh would wipe a
    /// code being typed), so a login that outlives its max_verification_wait_time shows as expired by itself.
    /// </summary>
    private static IResult CodeForm(HttpContext http, string token, LoginState state, string? error) => Render(http, 200, "Enter your verification code",
        Paragraph(state.Checkpoint == "OTP" ? "LinkedIn sent a code to your email." : "Enter the code from your authenticator app or the SMS LinkedIn sent.") +
        Form(http, $"/c/{token}/linkedin/code",
            Field("code", "Verification code", "text", null, error, """inputmode="numeric" autocomplete="one-time-code" required maxlength="64" """),
            "Verify") +
        FollowLogin(token, state));

    /// <summary>A waiting screen that follows the login: a 1 s poll with JavaScript, a 2 s meta refresh without.</summary>
    private static IResult Waiting(HttpContext http, string token, LoginState state, string title, string message) => Render(http, 200, title,
        $"""<p role="status">{E(message)}</p>""" + FollowLogin(token, state),
        head: """<noscript><meta http-equiv="refresh" content="2"></noscript>""");

    /// <summary>
    /// Polls the login's state every second and opens the link again when it is no longer the one shown (a GET, not
    /// a reload: the page may be the answer to a post, which a reload would send again).
    /// </summary>
    private static string FollowLogin(string token, LoginState state) =>
        $$"""
        <script>
        (function () {
          var shown = {{JsonSerializer.Serialize(state.Status + "/" + state.Checkpoint)}};
          setInterval(function () {
            fetch({{JsonSerializer.Serialize($"/c/{token}/linkedin/status")}}, { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (s) { if (s.status + "/" + (s.checkpoint || "") !== shown) location.assign({{JsonSerializer.Serialize($"/c/{token}")}}); })
              .catch(function () {});
          }, 1000);
        })();
        </script>
        """;
}
