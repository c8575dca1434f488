using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.LinkedIn;

/// <summary>
/// max_verification_wait_time is honoured: seat-service starts the login with its configured wait (here
/// <see cref="ShortLoginWaitFixture.WaitSeconds"/> s) and a login that waits for a code longer than that is over.
/// </summary>
[Collection(ShortLoginWaitSuite.Name)]
public sealed class VerificationWaitTests(ShortLoginWaitFixture system)
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan PastTheWait = TimeSpan.FromSeconds(ShortLoginWaitFixture.WaitSeconds + 15);

    [Fact]
    public async Task A_code_page_left_waiting_past_the_wait_turns_into_expired_by_itself_and_a_retry_connects()
    {
        await using var person = await Steps.SignedUpAsync(system);
        var page = person.Page;
        await Steps.ConnectAsync(page, "jane+2fa@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });

        // Nobody types the code: the page follows the login and says it expired.
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("took too long and expired", new() { Timeout = (float)PastTheWait.TotalMilliseconds });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        (await Steps.LoginStatusAsync(person)).ShouldBe("expired");
        await OnboardingFixture.ScreenshotAsync(page, "login-expired");

        await Steps.ConnectAsync(page, "jane@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task The_right_code_sent_after_the_wait_does_not_connect_and_the_page_says_the_sign_in_expired()
    {
        // Without JavaScript the code page stays as it is, so the code can be sent late (the sandbox itself would still take it).
        await using var person = await Steps.SignedUpAsync(system, javaScript: false);
        var page = person.Page;
        await Steps.ConnectAsync(page, "jane+2fa@example.com", Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });

        await Task.Delay(TimeSpan.FromSeconds(ShortLoginWaitFixture.WaitSeconds + 1));
        await Steps.EnterCodeAsync(page, "123456");

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("took too long and expired");
        (await Steps.LoginStatusAsync(person)).ShouldBe("expired");
        (await person.Tenant.UsersAsync()).EnumerateArray().Single(u => u.GetProperty("id").GetString() == person.SeatId)
            .TryGetProperty("linkedin_name", out var name).ShouldBeTrue();
        name.ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.String, "the late code connected nothing");
    }
}
