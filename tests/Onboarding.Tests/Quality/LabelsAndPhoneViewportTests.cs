using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Quality;

/// <summary>"Labels on every field; readable on a phone-sized viewport": every page of the flow, at 390 × 844.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class LabelsAndPhoneViewportTests(OnboardingFixture system)
{
    /// <summary>The page's visible fields without a label that names them, and whether it is wider than the screen.</summary>
    private const string Inspect = """
        () => {
          const fields = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
          const unlabelled = fields.filter(f => ![...f.labels].some(l => l.innerText.trim().length > 0)).map(f => f.name || f.id || f.tagName);
          const overflowing = [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + (e.id ? '#' + e.id : ''));
          return { fields: fields.length, unlabelled, overflowing, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth };
        }
        """;

    private static async Task<int> CheckAsync(IPage page)
    {
        var heading = await page.InnerTextAsync("h1");
        var found = await page.EvaluateAsync<JsonElement>(Inspect);
        found.GetProperty("unlabelled").GetArrayLength().ShouldBe(0, $"\"{heading}\" has fields without a label: {found.GetProperty("unlabelled")}");
        found.GetProperty("overflowing").GetArrayLength().ShouldBe(0, $"\"{heading}\" runs off a phone's screen: {found.GetProperty("overflowing")}");
        found.GetProperty("scrollWidth").GetInt32().ShouldBeLessThanOrEqualTo(found.GetProperty("width").GetInt32(), $"\"{heading}\" scrolls sideways");
        (await page.GetAttributeAsync("meta[name=viewport]", "content")).ShouldBe("width=device-width, initial-scale=1");
        return found.GetProperty("fields").GetInt32();
    }

    [Fact]
    public async Task Every_page_from_the_link_to_all_set_labels_each_field_and_fits_a_phone()
    {
        var tenant = await system.NewTenantAsync("Northwind Sales and Marketing Services International");
        var (_, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        var fields = 0;

        await page.GotoAsync(link);
        fields += await CheckAsync(page); // sign-up: 3
        await Steps.SignUpAsync(page, "Jane", "Doe", "jane@example.com");
        fields += await CheckAsync(page); // Connect LinkedIn: 2
        await Steps.ConnectAsync(page, "jane+2fa@example.com", "a password");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your verification code", new() { Timeout = 15_000 });
        fields += await CheckAsync(page); // the code: 1
        await Steps.EnterCodeAsync(page, "000000");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("attempts left");
        fields += await CheckAsync(page); // the code with its error: 1
        await Steps.EnterCodeAsync(page, "123456");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        fields += await CheckAsync(page); // product: 1
        await Steps.AddProductAsync(page, "Bookkeeping for small bakeries, with a description long enough to wrap over several lines on a phone");
        fields += await CheckAsync(page); // profile: 4
        await Steps.ProfileAsync(page, 40, "Europe/London", "09:00", "17:30");
        fields += await CheckAsync(page); // review: 0
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Complete your setup");
        fields += await CheckAsync(page); // complete: 0

        await using var someoneElse = await system.NewPersonAsync();
        var other = await someoneElse.NewPageAsync();
        await other.GotoAsync(link);
        fields += await CheckAsync(other); // the resume form on the 403: 1

        fields.ShouldBe(3 + 2 + 1 + 1 + 1 + 4 + 1, "every field of the flow was looked at");
    }
}
