using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>Cases the seat properties found, kept as plain examples so they stay fixed whatever the generator draws.</summary>
public sealed class SeatFoundCases
{
    /// <summary>
    /// Found by Activation_needs_a_LinkedIn_connection_recorded_since_the_last_unsuspension (seed
    /// 12147839708468493754,15213300998857617897, shrunk to these ten steps). A LinkedInConnected that reaches a
    /// suspended seat (a login that finished after the suspension logged the seat out) was recorded; after unsuspend
    /// the seat could finish setup and become active on that old connection, although unsuspending promises the
    /// person must connect LinkedIn again.
    /// </summary>
    [Fact]
    public void An_unsuspended_seat_cannot_activate_on_a_connection_reported_while_it_was_suspended()
    {
        var run = SeatRun.Of(new Script<SeatCommand>([
            new SignUp(), new AddProduct(), new SetProfile(30), new ReviewProduct(), new LinkedInConnected(true), new CompleteSetup(),
            new Suspend(), new LinkedInConnected(true), new Unsuspend(), new CompleteSetup(),
        ]));

        run.Seat.Status.ShouldBe(SeatStatus.Pending);
        run.Seat.IsLinkedInConnected.ShouldBeFalse();
        run.Log.OfType<SeatActivated>().Count().ShouldBe(1);
    }
}
