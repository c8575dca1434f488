using System.Net;
using Shouldly;

namespace Outreach.SeatService.Tests.Seats;

/// <summary>
/// The platform's whole path, across processes: an HTTP command appends to seat-service's log, the relay publishes
/// the integration message through RabbitMQ, and each other service's consumer records its effect once.
/// </summary>
[Collection(SeatServiceSuite.Name)]
public sealed class SeatMessagesTests(SeatServiceFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("identitiesdb")]
    [InlineData("invitationsdb")]
    public async Task A_suspended_seat_reaches_the_other_services_once(string database)
    {
        var tenant = await system.NewTenantClientAsync();
        var seatId = await SeatLifecycleTests.AddSeatAsync(tenant);
        await system.ActivateSeatAsync(seatId);

        var (suspended, _) = await tenant.ManageAsync(new { action = "suspend", user_id = seatId });
        suspended.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually(async () =>
            await system.QueryAsync<string>(database, "SELECT status FROM seat_views WHERE seat_id = $1", seatId) == "suspended",
            $"{database} sees the seat suspended");
        // One effect per message: the consumer's stream for the seat holds exactly one suspension (invitation-service
        // also records the seat's other messages there).
        (await system.QueryAsync<long>(database, "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'seat_suspension_applied'", $"seat-{seatId}"))
            .ShouldBe(1L);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
