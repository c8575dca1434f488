using System.Security.Cryptography;
using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Connect;

/// <summary>
/// The cookie that binds one browser to a seat's onboarding ("a link works for one person"). Its value is random and
/// unrelated to the link token; the seat keeps only its hash. Secure, HttpOnly, SameSite=Strict, scoped to /c.
/// </summary>
public static class OnboardingBrowser
{
    public const string CookieName = "outreach_onboarding";

    /// <summary>The hash of this browser's cookie, or null when it has none.</summary>
    public static string? PresentedHash(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: > 0 and <= 128 } ? Secrets.Hash(value) : null;

    public static bool IsBound(HttpContext http, Seats.Seat seat) =>
        PresentedHash(http) is { } hash && seat.OnboardingBrowsers.Any(bound => CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(bound), System.Text.Encoding.ASCII.GetBytes(hash)));

    /// <summary>Gives this browser a new cookie and answers its hash, for the event that binds it.</summary>
    public static string Issue(HttpContext http, TimeSpan lifetime)
    {
        var value = Secrets.NewId("ob_", 40);
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/c",
            MaxAge = lifetime,
            IsEssential = true,
        });
        return Secrets.Hash(value);
    }
}
