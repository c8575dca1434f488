using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Wizard;

/// <summary>
/// A seat's stream has other writers while its person is in the wizard: LinkedInConnected arrives by message just as the
/// person saves a step, and the tenant may change the seat's daily limit. CI once showed the Profile step answer the
/// person 409 "changed by another request" because the consumer had appended in between; the person decided nothing
/// that conflicts, so the step must be decided again on the new state instead.
/// </summary>
[Collection(OnboardingSuite.Name)]
public sealed class ConcurrentSeatWritesTests(OnboardingFixture system)
{
    private const int Rounds = 25;

    [Fact]
    public async Task A_wizard_step_saved_while_another_writer_appends_to_the_seat_is_saved_and_never_answers_409()
    {
        var tenant = await system.NewTenantAsync("Northwind Sales");
        var (seatId, link) = await tenant.AddSeatAsync();
        await using var person = await system.NewPersonAsync();
        var page = await person.NewPageAsync();
        await page.GotoAsync(link);
        await Steps.SignUpAsync(page, "Jane", "Doe", "jane@example.com");
        await Steps.ConnectAsync(page, "jane@example.com", "a password");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add your product", new() { Timeout = 15_000 });
        var token = page.Locator("form input[type=hidden]");
        var (tokenName, tokenValue) = ((await token.GetAttributeAsync("name"))!, (await token.GetAttributeAsync("value"))!);

        var statuses = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            var form = person.APIRequest.CreateFormData();
            form.Set("product", $"Bookkeeping, take {round}");
            form.Set(tokenName, tokenValue);
            var step = person.APIRequest.PostAsync(link + "/product", new() { Form = form, MaxRedirects = 0 });
            var other = tenant.ManageAsync(new { action = "set_daily_limit", user_id = seatId, daily_limit = 10 + round % 2 });
            await Task.WhenAll(step, other);
            statuses.Add((await step).Status);
        }

        statuses.ShouldAllBe(status => status == 302, "every save redirects to the next step: " + string.Join(", ", statuses));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile settings");
        (await system.QueryAsync<long>("seatsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'onboarding_product_added'", seatId))
            .ShouldBe(Rounds, "each save is one event in the seat's log");
    }
}
