using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.LinkedIn;

/// <summary>The Connect LinkedIn step against the sandbox's scenarios (the username's plus-tag picks one; the code is 123456).</summary>
[Collection(OnboardingSuite.Name)]
public sealed class ConnectLinkedInTests(OnboardingFixture system)
{
    private const string Password = "correct horse battery staple";

    private async Task<(Tenant Tenant, string SeatId, IPage Page, IBrowserContext Person)> SignedUpAsync()
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (seatId, link) = await tenant.AddSeatAsync();
        var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);
        await Steps.SignUpAsync(page, "Jane", "Doe", "jane@example.com");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        return (tenant, seatId, page, person);
    }

    [Fact]
    public async Task The_happy_path_with_2fa_connects_and_user_list_shows_the_profile()
    {
        var (tenant, seatId, page, person) = await SignedUpAsync();
        await using var _ = person;
        await OnboardingFixture.ScreenshotAsync(page, "03-connect-linkedin");

        await Steps.ConnectAsync(page, "jane+2fa@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });
        await OnboardingFixture.ScreenshotAsync(page, "04-verification-code");
        await Steps.EnterCodeAsync(page, "123456");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        await OnboardingFixture.ScreenshotAsync(page, "05-linkedin-connected");
        (await page.ContentAsync()).ShouldNotContain(Password);
        var user = await Steps.EventuallyAsync(async () =>
            (await tenant.UsersAsync()).EnumerateArray().Single(u => u.GetProperty("id").GetString() == seatId) is var u &&
            u.GetProperty("linkedin_name").ValueKind == JsonValueKind.String ? u : (JsonElement?)null);
        user.GetProperty("linkedin_url").GetString().ShouldNotBeNullOrEmpty();
        (await system.FindInSeatsDbAsync(Password)).ShouldBe(0, "seat-service never keeps the password");
    }

    [Fact]
    public async Task A_wrong_code_is_named_with_the_attempts_left_and_then_the_right_code_connects()
    {
        var (_, _, page, person) = await SignedUpAsync();
        await using var _ = person;
        await Steps.ConnectAsync(page, "jane+otp@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });

        await Steps.EnterCodeAsync(page, "000000");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("attempts left");
        await OnboardingFixture.ScreenshotAsync(page, "wrong-code");
        await Steps.EnterCodeAsync(page, "123456");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task In_app_approval_shows_a_waiting_screen_that_continues_by_itself()
    {
        var (_, _, page, person) = await SignedUpAsync();
        await using var _ = person;
        await Steps.ConnectAsync(page, "jane+inapp@example.com", Password);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Approve the sign-in in your LinkedIn app", new() { Timeout = 15_000 });
        await OnboardingFixture.ScreenshotIfStillShownAsync(page, "in-app-approval");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Wrong_credentials_say_so_and_a_retry_with_the_right_ones_connects()
    {
        var (_, _, page, person) = await SignedUpAsync();
        await using var _ = person;
        await Steps.ConnectAsync(page, "jane+wrongpw@example.com", Password);

        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("did not accept", new() { Timeout = 15_000 });
        await OnboardingFixture.ScreenshotAsync(page, "wrong-credentials");
        await Steps.ConnectAsync(page, "jane@example.com", Password);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
    }
}
