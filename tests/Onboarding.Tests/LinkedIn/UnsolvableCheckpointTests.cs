using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.LinkedIn;

/// <summary>
/// Checkpoints the connect page cannot put in front of the person (the sandbox's +captcha and +phone scenarios): the
/// page says what happened and its retry must start a new login, not meet the old one still "in progress".
/// </summary>
[Collection(OnboardingSuite.Name)]
public sealed class UnsolvableCheckpointTests(OnboardingFixture system)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_captcha_says_it_could_not_be_solved_and_a_retry_connects()
    {
        await using var person = await Steps.SignedUpAsync(system);
        var page = person.Page;
        await Steps.ConnectAsync(page, "jane+captcha@example.com", Password);

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("captcha that could not be solved", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        await OnboardingFixture.ScreenshotAsync(page, "captcha-failed");
        (await Steps.LoginStatusAsync(person)).ShouldBe("failed", "the login is over, so a new one may start");

        await Steps.ConnectAsync(page, "jane@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_phone_number_check_says_the_page_cannot_do_it_and_a_retry_connects()
    {
        await using var person = await Steps.SignedUpAsync(system);
        var page = person.Page;
        await Steps.ConnectAsync(page, "jane+phone@example.com", Password);

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("cannot do here", new() { Timeout = 15_000 });

        await Steps.ConnectAsync(page, "jane@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
    }
}
