using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Outreach.SeatService.Connect;

/// <summary>
/// The connect flow's HTML: one layout, one stylesheet of our own, no script or asset from elsewhere. Every value
/// that did not come from this file goes through <see cref="E"/> (HtmlEncoder), so a name cannot become markup.
/// </summary>
public static class ConnectPage
{
    public const string StylesheetPath = "/assets/onboarding.css";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A page; <paramref name="body"/> is trusted markup built from encoded parts.</summary>
    public static IResult Render(HttpContext http, int status, string title, string body, string? head = null)
    {
        // The pages carry a secret URL and answers that change (suspend, unsuspend, each step): never cache them.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        // Nothing but our own stylesheet, our own inline script (this response's nonce) and posts to ourselves; never framed.
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; script-src 'nonce-{nonce}'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        body = body.Replace("<script>", $"<script nonce=\"{nonce}\">", StringComparison.Ordinal);
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title><link rel="stylesheet" href="{StylesheetPath}">{head}</head>
            <body><main><h1>{E(title)}</h1>
            {body}
            </main></body></html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }

    public static string Paragraph(string text) => $"<p>{E(text)}</p>";

    /// <summary>A form posting to <paramref name="action"/> with the anti-forgery token as a hidden field.</summary>
    public static string Form(HttpContext http, string action, string fields, string submit)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{E(action)}">
            <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
            {fields}
            <button type="submit">{E(submit)}</button>
            </form>
            """;
    }

    /// <summary>A labelled input; the error, if any, is tied to it for screen readers.</summary>
    public static string Field(string name, string label, string type, string? value, string? error, string attributes = "")
    {
        var describedBy = error is null ? "" : $""" aria-invalid="true" aria-describedby="{name}-error" """;
        var message = error is null ? "" : $"""<p class="error" id="{name}-error">{E(error)}</p>""";
        return $"""
            <label for="{name}">{E(label)}</label>
            <input id="{name}" name="{name}" type="{type}" value="{E(value)}" {attributes}{describedBy}>
            {message}
            """;
    }

    /// <summary>GET /assets/onboarding.css: small, ours, cached for an hour.</summary>
    public static IResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Css, "text/css; charset=utf-8");
    }

    private const string Css = """
        :root { font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f24; background: #f6f7f9; }
        main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: .5rem; }
        h1 { font-size: 1.5rem; margin-top: 0; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        input, select, textarea { width: 100%; box-sizing: border-box; padding: .6rem; font: inherit; border: 1px solid #8a939e; border-radius: .3rem; }
        button { margin-top: 1.5rem; padding: .7rem 1.4rem; font: inherit; font-weight: 600; color: #fff; background: #0a66c2; border: 0; border-radius: 1.5rem; }
        :focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
        .error { color: #b3261e; margin: .3rem 0 0; }
        .steps { color: #57606a; font-size: .9rem; }
        """;
}
