using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Quality;

/// <summary>"Usable with the keyboard": Tab reaches each field in reading order, typing fills it, Enter on the button sends it.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class KeyboardOnlyTests(OnboardingFixture system)
{
    /// <summary>Presses Tab and names what has the focus now: a field by its id, a button by its text.</summary>
    private static async Task<string> TabAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        return await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName === 'BUTTON' ? 'button:' + e.innerText.trim() : e.id; }");
    }

    /// <summary>Tabs through the form, typing each value into the field the focus lands on, and sends it with Enter on its button.</summary>
    private static async Task FillWithKeysAsync(IPage page, string button, params (string Field, string Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            (await TabAsync(page)).ShouldBe(field);
            await page.Keyboard.TypeAsync(value);
        }
        (await TabAsync(page)).ShouldBe("button:" + button);
        await Steps.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
    }

    [Fact]
    public async Task Sign_up_connect_linkedin_the_code_and_the_product_are_done_with_tab_typing_and_enter()
    {
        var tenant = await system.NewTenantAsync();
        var (_, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);

        await FillWithKeysAsync(page, "Sign up", ("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.com"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        await FillWithKeysAsync(page, "Connect LinkedIn", ("username", "jane+2fa@example.com"), ("password", "a password"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });
        await FillWithKeysAsync(page, "Verify", ("code", "123456"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        await FillWithKeysAsync(page, "Save and continue", ("product", "Bookkeeping for small bakeries"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile settings");
    }
}
