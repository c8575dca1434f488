using System.Security.Cryptography;
using System.Text;
using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Access;

/// <summary>
/// Aspire's browser-token login: the AppHost prints <c>/login?t=TOKEN</c>; a valid token sets an HttpOnly,
/// SameSite=Strict cookie. Every page and API then needs that cookie or an <c>x-dashboard-token</c> header,
/// and answers 401 without one. The OTLP paths are left to their own API-key check.
/// </summary>
public sealed class DashboardAccess
{
    public const string CookieName = "outreach-dashboard";
    public const string TokenHeader = "x-dashboard-token";

    private readonly byte[] _token;
    private readonly string _sessionValue;

    public DashboardAccess(DashboardOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BrowserToken);
        _token = Encoding.UTF8.GetBytes(options.BrowserToken);
        // The cookie carries a value derived from the token, never the token itself.
        _sessionValue = Convert.ToHexStringLower(HMACSHA256.HashData(_token, "outreach-dashboard-session"u8));
    }

    public bool IsTokenValid(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    public bool IsAuthenticated(HttpContext http)
    {
        if (http.Request.Headers.TryGetValue(TokenHeader, out var header) && header.Count == 1 && IsTokenValid(header[0]))
        {
            return true;
        }

        return http.Request.Cookies.TryGetValue(CookieName, out var cookie)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(_sessionValue));
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (Delegate)Login);
        app.MapPost("/login", (Delegate)LoginForm);
        app.MapPost("/logout", (Delegate)Logout);
    }

    /// <summary>Everything but the login page, the assets and OTLP needs a session.</summary>
    public static Func<HttpContext, Func<Task>, Task> Middleware => async (http, next) =>
    {
        var path = http.Request.Path;
        // Our own script and stylesheet only (inline style attributes draw the waterfall bars and swatches), never framed.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (path.StartsWithSegments("/login") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/v1"))
        {
            await next();
            return;
        }

        var access = http.RequestServices.GetRequiredService<DashboardAccess>();
        if (access.IsAuthenticated(http))
        {
            await next();
            return;
        }

        await Unauthorized(http).ExecuteAsync(http);
    };

    private static IResult Unauthorized(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(
                title: "Unauthorized",
                detail: $"Log in through the link the AppHost printed (/login?t=…), or send the browser token in {TokenHeader}.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return LoginPage(http, "Log in with the link the AppHost printed, or paste its token here.", StatusCodes.Status401Unauthorized);
    }

    private static IResult Login(HttpContext http, string? t) =>
        t is null
            ? LoginPage(http, "Paste the browser token the AppHost printed.", StatusCodes.Status401Unauthorized)
            : SignIn(http, t);

    private static async Task<IResult> LoginForm(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        return SignIn(http, form["token"].ToString());
    }

    private static IResult SignIn(HttpContext http, string token)
    {
        var access = http.RequestServices.GetRequiredService<DashboardAccess>();
        if (!access.IsTokenValid(token))
        {
            return LoginPage(http, "That token is not valid.", StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Append(CookieName, access._sessionValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
        });
        // The token leaves the address bar and the history at once.
        return Results.Redirect("/");
    }

    private static IResult Logout(HttpContext http)
    {
        http.Response.Cookies.Delete(CookieName);
        return Results.Redirect("/login");
    }

    private static IResult LoginPage(HttpContext http, string message, int status)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Log in · Outreach dashboard</title><link rel="stylesheet" href="{DashboardLayout.StylesheetPath}"></head>
            <body><main><h1>Outreach dashboard</h1><p>{E(message)}</p>
            <form method="post" action="/login"><label for="token">Browser token</label>
            <input id="token" name="token" type="password" autocomplete="off" required> <button type="submit">Log in</button></form>
            </main></body></html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }
}
