using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Wizard;

/// <summary>The four setup steps after LinkedIn: each saved as an event, resumable, and Complete activates the seat.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class SetupWizardTests(OnboardingFixture system)
{
    private async Task<(Tenant Tenant, string SeatId, string Link, IBrowserContext Person, IPage Page)> ConnectedAsync(string scenario)
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (seatId, link) = await tenant.AddSeatAsync();
        var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);
        await Steps.SignUpAsync(page, "Jane", "Doe", "jane@example.com");
        await Steps.ConnectAsync(page, scenario, "a password");
        if (scenario.Contains("+2fa", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });
            await Steps.EnterCodeAsync(page, "123456");
        }
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        return (tenant, seatId, link, person, page);
    }

    [Fact]
    public async Task The_happy_path_with_2fa_ends_in_an_active_seat_in_user_list_and_a_used_link()
    {
        var (tenant, seatId, link, person, page) = await ConnectedAsync("jane+2fa@example.com");
        await using var _ = person;
        await OnboardingFixture.ScreenshotAsync(page, "06-add-product");
        await Steps.AddProductAsync(page, "Bookkeeping for small bakeries");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile settings");
        await OnboardingFixture.ScreenshotAsync(page, "07-profile-settings");
        await Steps.ProfileAsync(page, 40, "Europe/London", "09:00", "17:30");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review your product");
        (await page.InnerTextAsync("main")).ShouldContain("Bookkeeping for small bakeries");
        await OnboardingFixture.ScreenshotAsync(page, "08-review-product");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Complete your setup");
        await OnboardingFixture.ScreenshotAsync(page, "09-complete");

        // LinkedInConnected reaches seat-service by message: Complete may ask to wait a moment first.
        await Steps.EventuallyAsync<bool>(async () =>
        {
            await Steps.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Finish setup" }).ClickAsync());
            return await page.InnerTextAsync("h1") == "You're all set" ? true : null;
        });
        await OnboardingFixture.ScreenshotAsync(page, "10-all-set");

        var user = (await tenant.UsersAsync()).EnumerateArray().Single(u => u.GetProperty("id").GetString() == seatId);
        user.GetProperty("status").GetString().ShouldBe("active");
        user.GetProperty("daily_limit").GetInt32().ShouldBe(40);
        user.GetProperty("linkedin_name").ValueKind.ShouldBe(JsonValueKind.String);
        user.GetProperty("linkedin_url").ValueKind.ShouldBe(JsonValueKind.String);
        // Profile Settings' window is relayed as SeatWorkingHoursChanged; invitation-service paces by it.
        (await Steps.EventuallyAsync<int>(async () => await system.QueryAsync<int?>("invitationsdb",
            "SELECT end_minute FROM seat_views WHERE seat_id = $1 AND time_zone = 'Europe/London' AND start_minute = 540", seatId))).ShouldBe(17 * 60 + 30);
        (await page.GotoAsync(link))!.Status.ShouldBe(410);
        (await page.InnerTextAsync("h1")).ShouldBe("This link was already used");

        // And invitation-service sends from the account the person connected, with the tenant's own key.
        await Steps.EventuallyAsync<bool>(async () => await system.QueryAsync<bool?>("invitationsdb",
            "SELECT true FROM sending_accounts a JOIN seat_views s ON s.seat_id = a.seat_id WHERE a.seat_id = $1 AND a.connected AND s.status = 'active'", seatId));
        var accountId = await system.QueryAsync<string>("invitationsdb", "SELECT provider_account_id FROM sending_accounts WHERE seat_id = $1 AND connected", seatId);
        var profile = await tenant.Invitations.GetFromJsonAsync<JsonElement>($"/api/v1/users/bakery-owner-{Guid.NewGuid():N}?account_id={accountId}");
        using var invite = await tenant.Invitations.PostAsJsonAsync("/api/v1/users/invite",
            new { provider_id = profile.GetProperty("provider_id").GetString(), account_id = accountId });
        invite.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await invite.Content.ReadAsStringAsync());
        (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("object").GetString().ShouldBe("UserInvitationSent");
    }

    [Fact]
    public async Task Reopening_the_link_in_a_new_browser_context_resumes_at_the_same_step()
    {
        var (_, _, link, person, page) = await ConnectedAsync("jane@example.com");
        await Steps.AddProductAsync(page, "Bookkeeping for small bakeries");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile settings");
        await person.DisposeAsync();

        await using var again = await system.NewPersonAsync();
        var resumed = await again.NewPageAsync();
        await resumed.GotoAsync(link);
        await resumed.GetByLabel("Email you signed up with").FillAsync("jane@example.com");
        await resumed.GetByLabel("Email you signed up with").PressAsync("Enter");

        await Assertions.Expect(resumed.Locator("h1")).ToHaveTextAsync("Profile settings");
    }

    [Fact]
    public async Task Profile_settings_refuse_a_limit_above_the_maximum_and_hours_that_end_before_they_start()
    {
        var (_, _, _, person, page) = await ConnectedAsync("jane@example.com");
        await using var _ = person;
        await Steps.AddProductAsync(page, "Bookkeeping");
        await page.EvalOnSelectorAllAsync("input", "inputs => inputs.forEach(i => { i.removeAttribute('max'); i.removeAttribute('min'); })");

        await Steps.ProfileAsync(page, 101, "Europe/London", "09:00", "17:00");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("from 1 to 100");
        await Steps.ProfileAsync(page, 20, "Europe/London", "17:00", "09:00");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("start before they end");
    }
}
