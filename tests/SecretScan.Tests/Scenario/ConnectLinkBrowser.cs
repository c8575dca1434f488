using System.Net;
using System.Text.RegularExpressions;

namespace Outreach.SecretScan.Tests.Scenario;

/// <summary>
/// A person's browser on a connect link, over plain HTTP: it keeps cookies (the onboarding cookie, the anti-forgery
/// cookie), follows redirects, and posts each form with the anti-forgery token the page carried. Cookies are kept by
/// hand because the onboarding cookie is <c>Secure</c>: a browser sends it to http://localhost, HttpClient would not.
/// </summary>
public sealed partial class ConnectLinkBrowser : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly HttpClient _client;
    private readonly string _linkPath;

    public ConnectLinkBrowser(Uri seatService, string connectUrl)
    {
        _client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = seatService };
        _linkPath = new Uri(connectUrl).AbsolutePath;
    }

    /// <summary>The value of the cookie that binds this browser to the link.</summary>
    public string OnboardingCookie =>
        _cookies.TryGetValue("outreach_onboarding", out var value) ? value : throw new InvalidOperationException("Not signed up.");

    public Task<(int Status, string Html)> GetAsync(string path = "") => SendAsync(HttpMethod.Get, _linkPath + path, null);

    /// <summary>Opens the link, then posts the page's form for <paramref name="step"/> with <paramref name="fields"/>.</summary>
    public async Task<(int Status, string Html)> SubmitAsync(string step, IReadOnlyDictionary<string, string> fields)
    {
        var (_, page) = await GetAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiForgeryToken(page) };
        return await SendAsync(HttpMethod.Post, _linkPath + "/" + step, new FormUrlEncodedContent(form));
    }

    public async Task<string> LoginStatusAsync()
    {
        var (_, text) = await GetAsync("/linkedin/status");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>One request and the redirects it leads to (a form post answers 302 to the link's page, fetched with GET).</summary>
    private async Task<(int Status, string Html)> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            if (_cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            using var response = await _client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                    _cookies[pair[0].Trim()] = pair.Length > 1 ? pair[1] : "";
                }
            }
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 && response.Headers.Location is { } location)
            {
                path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                method = HttpMethod.Get;
                content = null;
                continue;
            }
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        throw new InvalidOperationException("Too many redirects from " + path);
    }

    private static string AntiForgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no form: " + html[..Math.Min(html.Length, 400)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => _client.Dispose();
}
