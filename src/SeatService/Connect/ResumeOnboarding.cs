using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Outreach.EventSourcing;
using Outreach.SeatService.Seats;
using static Outreach.SeatService.Connect.ConnectPage;

namespace Outreach.SeatService.Connect;

/// <summary>
/// A link works for one person. A browser without the seat's onboarding cookie, after sign-up, is refused with 403
/// (the link itself is still good, so not 410). The person who signed up can take the onboarding up in a new browser
/// by giving their sign-up email again (POST /c/{token}/resume): that browser is bound and resumes at the same step.
/// Any other email is refused with 403 and binds nothing.
/// </summary>
public static class ResumeOnboarding
{
    public static async Task<IResult> Handle(string token, [FromForm(Name = "email")] string? email, ConnectLinkState links, IDocumentSession session,
        IOptions<ConnectLinkOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (dead, _, stream) = await OpenConnectLink.LoadAsync(token, links, session, http, ct);
        if (dead is not null)
            return dead;
        var seat = stream!.Aggregate!;
        if (!seat.IsSignedUp || OnboardingBrowser.IsBound(http, seat))
            return Results.Redirect($"/c/{token}");
        if (!await IsSignUpEmailAsync(session, seat, email, ct))
            return Refusal(http, token, "That is not the email this link was signed up with.");

        var browser = OnboardingBrowser.Issue(http, options.Value.Lifetime);
        session.TenantId = seat.KeyId;
        stream.AppendOne(new OnboardingBrowserBound(seat.Id, browser, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Results.Redirect($"/c/{token}");
    }

    public static IResult Refusal(HttpContext http, string token, string? error) => Render(http, 403, "This link is in use",
        Paragraph("Someone already signed up with this link. A link works for one person.") +
        Paragraph("If that was you, in another browser, enter the email you signed up with to continue here.") +
        Form(http, $"/c/{token}/resume", Field("email", "Email you signed up with", "email", null, error, """autocomplete="email" required maxlength="254" """), "Continue"));

    private static async Task<bool> IsSignUpEmailAsync(IDocumentSession session, Seat seat, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > SignUp.MaxEmailLength || seat.SealedEmail is null)
            return false;
        var key = await SeatKeys.GetOrCreateAsync(session, seat.Id, ct);
        var signedUpWith = PersonalDataCipher.Decrypt(key, seat.Id, seat.SealedEmail);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signedUpWith), Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
    }
}
