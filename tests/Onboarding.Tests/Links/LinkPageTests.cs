using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Links;

/// <summary>What a person sees on opening connect_url in a browser: who invited them, or a 410 page saying why the link is dead.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class LinkPageTests(OnboardingFixture system)
{
    [Fact]
    public async Task Opening_the_link_names_the_inviting_account()
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (_, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();

        var response = await page.GotoAsync(link);

        response!.Status.ShouldBe(200);
        (await page.InnerTextAsync("main")).ShouldContain("Northwind Sales");
        await OnboardingFixture.ScreenshotAsync(page, "01-invitation");
    }

    [Fact]
    public async Task The_link_page_cannot_be_framed_sends_no_referrer_and_runs_only_its_own_code()
    {
        var tenant = await system.NewTenantAsync();
        var (_, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();

        var response = await page.GotoAsync(link);
        var headers = await response!.AllHeadersAsync();

        headers["referrer-policy"].ShouldBe("no-referrer");
        headers["x-frame-options"].ShouldBe("DENY");
        var policy = headers["content-security-policy"];
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("form-action 'self'");
        // A script the page did not ship itself is refused by the browser.
        var injected = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
              const s = document.createElement('script');
              s.textContent = 'window.__injected = true';
              document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true });
              document.body.appendChild(s);
              setTimeout(() => resolve(window.__injected === true), 500);
            })
            """);
        injected.ShouldBeFalse();
    }

    [Fact]
    public async Task An_expired_link_answers_410_and_says_it_expired()
    {
        var tenant = await system.NewTenantAsync();
        var (seatId, _) = await tenant.AddSeatAsync();
        var expired = await system.IssueConnectLinkAsync(seatId, DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();

        var response = await page.GotoAsync(expired);

        response!.Status.ShouldBe(410);
        (await page.InnerTextAsync("h1")).ShouldBe("This link has expired");
        await OnboardingFixture.ScreenshotAsync(page, "link-expired");
    }

    [Fact]
    public async Task A_suspended_seats_link_stops_working_and_unsuspend_supersedes_it_with_a_working_one()
    {
        var tenant = await system.NewTenantAsync();
        var (seatId, oldLink) = await tenant.AddSeatAsync();
        await system.ActivateSeatAsync(seatId);
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();

        await tenant.ManageAsync(new { action = "suspend", user_id = seatId });
        var suspended = await page.GotoAsync(oldLink);
        suspended!.Status.ShouldBe(410);
        (await page.InnerTextAsync("h1")).ShouldBe("This link no longer works");
        await OnboardingFixture.ScreenshotAsync(page, "link-suspended");

        var unsuspended = await tenant.ManageAsync(new { action = "unsuspend", user_id = seatId });
        var superseded = await page.GotoAsync(oldLink);
        superseded!.Status.ShouldBe(410);
        (await page.InnerTextAsync("h1")).ShouldBe("This link was replaced");
        await OnboardingFixture.ScreenshotAsync(page, "link-superseded");

        var fresh = await page.GotoAsync(new Uri(unsuspended.GetProperty("connect_url").GetString()!).PathAndQuery);
        fresh!.Status.ShouldBe(200);
    }
}
