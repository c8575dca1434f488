using System.Net;
using System.Text.RegularExpressions;

namespace Outreach.SecretScan.Tests.Scenario;

/// <summary>
/// A person's browser on a connect link, over plain HTTP: it keeps cookies (the onboarding cookie, the anti-forgery
/// cookie), follows redirects, and posts each form with the anti-forgery token the page carried.
/// </summary>
public sealed partial class ConnectLinkBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly string _linkPath;

    public ConnectLinkBrowser(Uri seatService, string connectUrl)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true }) { BaseAddress = seatService };
        _linkPath = new Uri(connectUrl).AbsolutePath;
    }

    public string LinkPath => _linkPath;

    /// <summary>The value of the cookie that binds this browser to the link.</summary>
    public string OnboardingCookie =>
        _cookies.GetAllCookies().FirstOrDefault(c => c.Name == "outreach_onboarding")?.Value ?? throw new InvalidOperationException("Not signed up.");

    public async Task<(int Status, string Html)> GetAsync(string path = "")
    {
        using var response = await _client.GetAsync(_linkPath + path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the link, then posts the page's form for <paramref name="step"/> with <paramref name="fields"/>.</summary>
    public async Task<(int Status, string Html)> SubmitAsync(string step, IReadOnlyDictionary<string, string> fields)
    {
        var (_, page) = await GetAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiForgeryToken(page) };
        using var response = await _client.PostAsync(_linkPath + "/" + step, new FormUrlEncodedContent(form));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> LoginStatusAsync()
    {
        using var response = await _client.GetAsync(_linkPath + "/linkedin/status");
        var text = await response.Content.ReadAsStringAsync();
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("status").GetString()!;
    }

    private static string AntiForgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no form: " + html[..Math.Min(html.Length, 400)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => _client.Dispose();
}
