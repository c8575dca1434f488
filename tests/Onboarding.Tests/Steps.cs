using Microsoft.Playwright;

namespace Outreach.Onboarding.Tests;

/// <summary>What a person does on the connect pages, shared by the tests that need to get past a step.</summary>
public static class Steps
{
    /// <summary>Fills and sends the sign-up form with the keyboard only: tab order and labels are what a person uses.</summary>
    public static async Task SignUpAsync(IPage page, string firstName, string lastName, string email)
    {
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Email").PressAsync("Enter");
        await page.WaitForLoadStateAsync();
    }
}
