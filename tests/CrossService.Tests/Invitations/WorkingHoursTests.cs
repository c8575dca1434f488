using System.Net;
using Outreach.Contracts;
using Outreach.CrossService.Tests.Identities;
using Outreach.Testing;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>
/// A seat's working hours (SeatWorkingHoursChanged, which the onboarding wizard publishes; sent here through RabbitMQ as
/// seat-service would) hold its queued sends outside the window and let them go inside it.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class WorkingHoursTests(CrossServiceFixture system)
{
    [Fact]
    public async Task Queued_sends_wait_outside_the_seats_working_hours_and_go_out_inside_them()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 100);
        var broker = await system.BrokerAsync();
        var now = DateTimeOffset.UtcNow;
        var minute = now.Hour * 60 + now.Minute;
        // In Tokyo (UTC+9, no daylight saving) the window that is closed now: the two hours starting 6 hours from now.
        var tokyoMinute = (minute + 9 * 60) % 1440;
        var closedStart = (tokyoMinute + 360) % 1440;
        var closed = new SeatWorkingHoursChanged(sender.SeatId!, sender.Key.AccountId, sender.Key.KeyId, "Asia/Tokyo",
            Math.Min(closedStart, 1440 - 120), Math.Min(closedStart, 1440 - 120) + 120, null, now);
        await BrokerClient.PublishAsync(broker, closed, Guid.NewGuid());
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb", "SELECT time_zone FROM seat_views WHERE seat_id = $1", sender.SeatId!)
            == "Asia/Tokyo", "the window is applied");

        var (queued, batch) = await sender.Invitations.SendJsonAsync(HttpMethod.Post, "/v1/invitations/batch",
            new { account_id = sender.AccountId, invitations = Enumerable.Range(0, 3).Select(_ => new { public_identifier = InvitationSender.NewPerson() }).ToList() });
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, batch.ToString());
        await Task.Delay(1500);
        (await sender.InvitationsAsync("queued")).Count.ShouldBe(3, "nothing goes out outside the window");
        (await sender.InviteAsync(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()))).Response.StatusCode
            .ShouldBe(HttpStatusCode.OK, "a direct send is the caller's decision and is not held back");

        var open = closed with { TimeZone = "Europe/London", StartMinute = 0, EndMinute = 1440, Days = [0, 1, 2, 3, 4, 5, 6], ChangedAt = now.AddSeconds(1) };
        await BrokerClient.PublishAsync(broker, open, Guid.NewGuid());
        await Eventually.Async(async () => (await sender.InvitationsAsync("sent")).Count == 4, "the queue goes out once inside the window");
    }
}
