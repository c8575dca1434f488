using System.Net;
using Outreach.Dashboard.Tests.Support;

namespace Outreach.Dashboard.Tests.Access;

public sealed class BrowserTokenTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/traces")]
    [InlineData("/api/resources")]
    [InlineData("/api/telemetry/traces")]
    public async Task Without_the_token_every_page_and_api_answers_401(string path)
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_login_link_sets_a_cookie_that_opens_the_pages_and_never_holds_the_token()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.BaseAddress };

        using var login = await client.GetAsync($"/login?t={Uri.EscapeDataString(dashboard.Options.BrowserToken)}");
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldBe("/");

        var cookie = cookies.GetCookies(dashboard.BaseAddress)["outreach-dashboard"].ShouldNotBeNull();
        cookie.HttpOnly.ShouldBeTrue();
        cookie.Value.ShouldNotContain(dashboard.Options.BrowserToken);
        using var page = await client.GetAsync("/api/resources");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_sets_no_cookie()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.BaseAddress };

        using var login = await client.GetAsync("/login?t=not-the-token");

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        cookies.GetCookies(dashboard.BaseAddress).Count.ShouldBe(0);
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/resources");
        header.Headers.Add("x-dashboard-token", "not-the-token");
        using var api = await client.SendAsync(header);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/")]
    public async Task Pages_cannot_be_framed_and_run_only_the_dashboards_own_script(string path)
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: path != "/");

        using var response = await client.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }
}
