using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.SignUp;

/// <summary>Sign-up on the link: validated, the seat's identity made in identity-service, the browser bound to the seat (one person per link).</summary>
[Collection(OnboardingSuite.Name)]
public sealed class SignUpTests(OnboardingFixture system)
{
    [Fact]
    public async Task Signing_up_creates_the_seats_identity_and_a_second_browser_on_the_link_is_refused_with_403()
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (seatId, link) = await tenant.AddSeatAsync();
        await using var jane = await system.NewPersonAsync();
        var page = await jane.NewPageAsync();
        await page.GotoAsync(link);
        await OnboardingFixture.ScreenshotAsync(page, "02-sign-up");

        await Steps.SignUpAsync(page, "Jane", "Doe", "jane@example.com");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE seat_id = $1", seatId)).ShouldBe(1);
        var cookie = (await jane.CookiesAsync()).Single(c => c.Name == "outreach_onboarding");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.Secure.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Strict);
        link.ShouldNotContain(cookie.Value);
        (await system.FindInSeatsDbAsync("jane@example.com")).ShouldBe(0, "the email is sealed in the log");

        await using var someoneElse = await system.NewPersonAsync();
        var other = await someoneElse.NewPageAsync();
        var refused = await other.GotoAsync(link);
        refused!.Status.ShouldBe(403);
        (await other.InnerTextAsync("h1")).ShouldBe("This link is in use");
        await OnboardingFixture.ScreenshotAsync(other, "link-in-use");
    }

    [Fact]
    public async Task A_new_browser_resumes_with_the_sign_up_email_and_a_different_email_binds_nothing()
    {
        var tenant = await system.NewTenantAsync();
        var (_, link) = await tenant.AddSeatAsync();
        await using (var first = await system.NewPersonAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync(link);
            await Steps.SignUpAsync(page, "Jane", "Doe", "Jane@Example.com");
        }

        await using var stranger = await system.NewPersonAsync();
        var strangerPage = await stranger.NewPageAsync();
        await strangerPage.GotoAsync(link);
        await strangerPage.GetByLabel("Email you signed up with").FillAsync("mallory@example.com");
        var wrong = await strangerPage.RunAndWaitForResponseAsync(() => strangerPage.GetByLabel("Email you signed up with").PressAsync("Enter"), r => r.Url.EndsWith("/resume", StringComparison.Ordinal));
        wrong!.Status.ShouldBe(403);
        (await strangerPage.InnerTextAsync(".error")).ShouldContain("not the email");
        (await strangerPage.GotoAsync(link))!.Status.ShouldBe(403);

        await using var sameJane = await system.NewPersonAsync();
        var resumed = await sameJane.NewPageAsync();
        await resumed.GotoAsync(link);
        await resumed.GetByLabel("Email you signed up with").FillAsync("jane@example.com");
        await Steps.SubmitAsync(resumed, () => resumed.GetByLabel("Email you signed up with").PressAsync("Enter"));
        await Assertions.Expect(resumed.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
    }

    [Fact]
    public async Task Invalid_sign_up_fields_are_named_on_the_page_with_422_and_nothing_is_created()
    {
        var tenant = await system.NewTenantAsync();
        var (seatId, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);
        // The browser's own checks would stop an empty form; the server's must hold without them.
        await page.EvalOnSelectorAllAsync("input", "inputs => inputs.forEach(i => { i.removeAttribute('required'); i.type = 'text'; })");
        await page.GetByLabel("First name").FillAsync("<b>Jane</b>");
        await page.GetByLabel("Email").FillAsync("Jane <jane@example.com>");

        var response = await page.RunAndWaitForResponseAsync(() => Steps.SubmitAsync(page, () => page.GetByLabel("Email").PressAsync("Enter")),
            r => r.Url.EndsWith("/signup", StringComparison.Ordinal));

        response!.Status.ShouldBe(422);
        (await page.InputValueAsync("#first_name")).ShouldBe("<b>Jane</b>", "echoed encoded, not as markup");
        (await page.Locator(".error").CountAsync()).ShouldBe(2);
        (await page.GetAttributeAsync("#email", "aria-describedby")).ShouldBe("email-error");
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE seat_id = $1", seatId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused_and_signs_nobody_up()
    {
        var tenant = await system.NewTenantAsync();
        var (seatId, link) = await tenant.AddSeatAsync();
        using var client = new HttpClient { BaseAddress = system.SeatServiceUrl() };

        using var response = await client.PostAsync($"{link}/signup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["first_name"] = "Jane", ["last_name"] = "Doe", ["email"] = "jane@example.com",
        }));

        ((int)response.StatusCode).ShouldBe(400);
        (await system.QueryAsync<long>("identitiesdb", "SELECT count(*) FROM identity_list WHERE seat_id = $1", seatId)).ShouldBe(0);
    }
}
