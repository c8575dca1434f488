using Microsoft.AspNetCore.Http.Features;

namespace Outreach.Dashboard.EventStreams;

/// <summary>
/// The stream id in <c>…/streams/{streamId}</c>, exactly as it was escaped into the link. The server decodes every
/// escape in the path but %2F, so a route value alone would turn an id with a slash into one with "%2F"; the raw
/// request target still holds the id's one true escaping.
/// </summary>
public static class StreamIdRoute
{
    private const string Marker = "/streams/";

    public static string StreamIdOf(HttpContext http, string routeValue)
    {
        ArgumentNullException.ThrowIfNull(http);
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null)
        {
            return routeValue;
        }

        var path = raw.Split('?', 2)[0];
        var at = path.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? routeValue : Uri.UnescapeDataString(path[(at + Marker.Length)..]);
    }
}
