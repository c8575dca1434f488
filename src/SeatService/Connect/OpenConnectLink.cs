using System.Net;

namespace Outreach.SeatService.Connect;

/// <summary>
/// GET /c/{token}: the page a person lands on from connect_url. 200 names the inviting account; an expired, used or
/// superseded link answers 410 and says which; an unknown one 404. (The sign-up flow behind it is a later issue.)
/// </summary>
public static class OpenConnectLink
{
    public static async Task<IResult> Handle(string token, ConnectLinkState links, HttpContext http, CancellationToken ct)
    {
        // A 410 is cacheable by default, and a link's answer changes (suspend, unsuspend): never let a browser reuse it.
        http.Response.Headers.CacheControl = "no-store";
        var link = await links.LookupAsync(token, ct);
        return link.Status switch
        {
            ConnectLinkStatus.Valid => Page(200, "You're invited",
                $"{WebUtility.HtmlEncode(link.AccountName)} invited you to connect your LinkedIn account."),
            ConnectLinkStatus.Expired => Page(410, "This link has expired", "Ask the person who sent it for a new link."),
            ConnectLinkStatus.Superseded => Page(410, "This link was replaced", "A newer link was issued for you. Use the newest link you received."),
            ConnectLinkStatus.Suspended => Page(410, "This link no longer works", "Your seat was suspended. If it is restored you will get a new link."),
            ConnectLinkStatus.Used => Page(410, "This link was already used", "Each link works for one sign-up."),
            _ => Page(404, "Link not found", "Check that you copied the whole link."),
        };
    }

    private static IResult Page(int status, string title, string message) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title></head>
        <body><main><h1>{title}</h1><p>{message}</p></main></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
