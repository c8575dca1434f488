using Microsoft.Playwright;

namespace Outreach.Onboarding.Tests;

/// <summary>What a person does on the connect pages, shared by the tests that need to get past a step.</summary>
public static class Steps
{
    /// <summary>A new person who opened a fresh seat's link and signed up: they are on Connect LinkedIn.</summary>
    public static async Task<SignedUpPerson> SignedUpAsync(OnboardingFixture system, bool javaScript = true)
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (seatId, link) = await tenant.AddSeatAsync();
        var person = await system.NewPersonAsync(javaScript);
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);
        await SignUpAsync(page, "Jane", "Doe", "jane@example.com");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Connect LinkedIn");
        return new SignedUpPerson(tenant, seatId, link, person, page);
    }

    /// <summary>The login's state as the page's own poll reads it (GET /c/{token}/linkedin/status, with this browser's cookie).</summary>
    public static async Task<string> LoginStatusAsync(SignedUpPerson person)
    {
        var response = await person.Context.APIRequest.GetAsync($"{person.Link}/linkedin/status");
        return (await response.JsonAsync())!.Value.GetProperty("status").GetString()!;
    }

    /// <summary>Fills and sends the sign-up form with the keyboard only: tab order and labels are what a person uses.</summary>
    public static async Task SignUpAsync(IPage page, string firstName, string lastName, string email)
    {
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, () => page.GetByLabel("Email").PressAsync("Enter"));
    }

    /// <summary>
    /// Does what sends a form and waits until the browser has the page it leads to. Waiting for the "load" event instead
    /// was flaky: CI once saw the new page's load event lost (only "networkidle" fired) and the wait ran into its 60 s.
    /// A committed navigation is reported reliably; the assertions after it wait for the new page's content themselves.
    /// </summary>
    public static async Task SubmitAsync(IPage page, Func<Task> send)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
                arrived.TrySetResult();
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            await send();
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
    }

    public static async Task ConnectAsync(IPage page, string username, string password)
    {
        await page.GetByLabel("LinkedIn email").FillAsync(username);
        await page.GetByLabel("LinkedIn password").FillAsync(password);
        await SubmitAsync(page, () => page.GetByLabel("LinkedIn password").PressAsync("Enter"));
    }

    public static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.GetByLabel("Verification code").FillAsync(code);
        await SubmitAsync(page, () => page.GetByLabel("Verification code").PressAsync("Enter"));
    }

    /// <summary>Polls until <paramref name="probe"/> answers (messages between services take a moment), for at most 15 s.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold within 15 s.");
            await Task.Delay(200);
        }
    }

    public static async Task AddProductAsync(IPage page, string product)
    {
        await page.GetByLabel("What do you sell?").FillAsync(product);
        await SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync());
    }

    public static async Task ProfileAsync(IPage page, int dailyLimit, string timeZone, string start, string end)
    {
        await page.GetByLabel("Invitations per day").FillAsync(dailyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Time zone").SelectOptionAsync(timeZone);
        await page.GetByLabel("Working hours start").FillAsync(start);
        await page.GetByLabel("Working hours end").FillAsync(end);
        await SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync());
    }
}

/// <summary>A person on Connect LinkedIn: the seat's tenant and id, its link, their browser and its page.</summary>
public sealed record SignedUpPerson(Tenant Tenant, string SeatId, string Link, IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
