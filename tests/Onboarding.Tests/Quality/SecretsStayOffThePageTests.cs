using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Quality;

/// <summary>
/// "The session token and the password never reach the page's HTML, URLs or logs": a 2FA connect watched from the
/// browser (every URL it asked for, every page it got) and from the services' console logs.
/// </summary>
[Collection(OnboardingSuite.Name)]
public sealed partial class SecretsStayOffThePageTests(OnboardingFixture system)
{
    /// <summary>The shape of the sandbox's LinkedIn session tokens (SessionTokens.New: "sess_" and 32 random bytes, base64url).</summary>
    [GeneratedRegex("sess_[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkedInSessionToken();

    [Fact]
    public async Task A_2fa_connect_leaves_the_password_the_session_token_and_the_browser_cookie_out_of_pages_urls_and_logs()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await using var person = await Steps.SignedUpAsync(system);
        var page = person.Page;
        var urls = new ConcurrentBag<string>();
        person.Context.Request += (_, request) => urls.Add(request.Url);
        var pages = new List<string>();

        await Steps.ConnectAsync(page, "jane+2fa@example.com", password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });
        pages.Add(await page.ContentAsync());
        await Steps.EnterCodeAsync(page, "123456");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        pages.Add(await page.ContentAsync());
        var statusJson = await (await person.Context.APIRequest.GetAsync($"{person.Link}/linkedin/status")).TextAsync();
        pages.Add(statusJson);
        statusJson.ShouldContain("connected", Case.Sensitive, "the status route was read after the login finished");
        var cookie = (await person.Context.CookiesAsync()).Single(c => c.Name == "outreach_onboarding").Value;
        // Console lines reach the AppHost's log store through a pipe; give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(1));

        urls.ShouldNotBeEmpty();
        foreach (var url in urls)
        {
            url.ShouldNotContain(password);
            url.ShouldNotContain(cookie);
            LinkedInSessionToken().IsMatch(url).ShouldBeFalse(url);
        }
        foreach (var html in pages)
        {
            html.ShouldNotContain(password);
            html.ShouldNotContain(cookie);
            LinkedInSessionToken().IsMatch(html).ShouldBeFalse();
        }
        foreach (var service in new[] { OnboardingFixture.SeatService, "identity-service" })
        {
            var lines = system.App.ResourceLogs.GetLines(service);
            lines.ShouldNotBeEmpty(service);
            lines.ShouldNotContain(line => line.Contains(password, StringComparison.Ordinal), service);
            lines.ShouldNotContain(line => line.Contains(cookie, StringComparison.Ordinal), service);
            lines.ShouldNotContain(line => LinkedInSessionToken().IsMatch(line), service);
        }
    }
}
