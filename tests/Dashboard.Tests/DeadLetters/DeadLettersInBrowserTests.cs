using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.RabbitMQ;
using Outreach.Dashboard.DeadLetters;
using Outreach.Dashboard.Tests.EventStreams;
using Outreach.Dashboard.Tests.Support;
using Outreach.Testing;

namespace Outreach.Dashboard.Tests.DeadLetters;

[Collection(EventStreamsInfrastructure.Name)]
public sealed class DeadLettersInBrowserTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_person_redelivers_a_dead_letter_with_the_keyboard_and_is_told_it_was_done()
    {
        await using var bus = await FailingConsumerBus.StartAsync(fixture.RabbitMqConnectionString);
        var id = Guid.NewGuid();
        await bus.SendAsync("from the browser", id);
        var broker = (RabbitMQServerResource)fixture.App.Model.Find("rabbitmq");
        using var catalog = new RabbitMQQueueCatalog(broker, fixture.App.Services.GetRequiredService<HostingSettings>());
        await using var dashboard = await StandaloneDashboard.StartAsync(o =>
        {
            o.BrokerConnectionString = fixture.RabbitMqConnectionString;
            o.BrokerQueueCatalog = catalog;
        });
        await using var browser = await HeadlessBrowser.LogInAsync(dashboard);
        var page = browser.Page;

        await page.GotoAsync(new Uri(dashboard.BaseAddress, "/events/deadletters").ToString());
        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Redeliver {id} to {bus.Queue}" });
        // The live region refreshes every 5 s; the error queue may appear a round or two after the page opened.
        await button.WaitForAsync(new() { Timeout = 30_000 });
        (await page.GetByText(FailingConsumerBus.FailureText).CountAsync()).ShouldBeGreaterThan(0);
        await browser.ScreenshotAsync("events-deadletters");

        bus.Failing = false;
        // The live region is re-rendered every 5 s, which takes the focus from a button inside it: pause first.
        await page.GetByLabel("Pause updates").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        // A refresh already under way when the box was ticked still lands; let it, then press Enter on the element.
        await Task.Delay(500);
        await button.PressAsync("Enter");

        await page.Locator("#command-status", new() { HasText = "Done: Redeliver" }).WaitForAsync(new() { Timeout = 10_000 });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!bus.Received.Any(p => p.MessageId == id))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer did not get the message back");
            await Task.Delay(50);
        }

        await page.GetByLabel("Pause updates").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByText($"{bus.ErrorQueue} (0)").WaitForAsync(new() { Timeout = 30_000 });
        (await page.Locator($"[data-command='{DeadLettersPage.RedeliverPath(bus.ErrorQueue, id.ToString())}']").CountAsync()).ShouldBe(0);
    }
}
