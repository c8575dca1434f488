using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>For any sequence of commands, the seat is in a documented status and got there by an allowed step.</summary>
[Properties(Arbitrary = [typeof(SeatScripts)], MaxTest = 300)]
public sealed class SeatStatusProperties
{
    // The status changes each event may make (README, user management): anything else is a bug. An event missing here
    // may not change the status at all.
    private static readonly Dictionary<Type, (SeatStatus From, SeatStatus To)[]> Allowed = new()
    {
        [typeof(SeatActivated)] = [(SeatStatus.Pending, SeatStatus.Active)],
        [typeof(SeatSuspended)] = [(SeatStatus.Active, SeatStatus.Suspended), (SeatStatus.Disconnected, SeatStatus.Suspended)],
        [typeof(SeatUnsuspended)] = [(SeatStatus.Suspended, SeatStatus.Pending)],
        [typeof(SeatDisconnected)] = [(SeatStatus.Pending, SeatStatus.Deleted), (SeatStatus.Active, SeatStatus.Deleted),
            (SeatStatus.Suspended, SeatStatus.Deleted), (SeatStatus.Disconnected, SeatStatus.Deleted)],
        [typeof(SeatLinkedInConnected)] = [(SeatStatus.Disconnected, SeatStatus.Active)],
        [typeof(SeatLinkedInDropped)] = [(SeatStatus.Active, SeatStatus.Disconnected)],
    };

    [Property]
    public void Every_status_change_is_an_allowed_one(Script<SeatCommand> script)
    {
        var run = SeatRun.Of(script);
        foreach (var (e, before, after) in run.Transitions)
        {
            Enum.IsDefined(after).ShouldBeTrue($"{e} left the seat in an undocumented status {after}");
            if (before == after)
                continue;
            var allowed = Allowed.GetValueOrDefault(e.GetType(), []);
            allowed.ShouldContain((before, after), $"{e.GetType().Name} moved a seat from {before} to {after}");
        }
    }

    [Property]
    public void A_suspended_seat_stays_suspended_until_it_is_unsuspended_or_deleted(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps.Where(s => s.Before == SeatStatus.Suspended && s.After != SeatStatus.Suspended))
            step.Events.ShouldContain(e => e is SeatUnsuspended || e is SeatDisconnected, $"{step.Command} ended a suspension");
    }

    [Property]
    public void A_disconnected_seat_becomes_active_only_through_a_new_LinkedIn_connection(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps.Where(s => s.Before == SeatStatus.Disconnected && s.After == SeatStatus.Active))
            step.Events.ShouldContain(e => e is SeatLinkedInConnected, $"{step.Command} reactivated a disconnected seat");
    }

    [Property]
    public void A_deleted_seat_never_changes_again(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps.Where(s => s.Before == SeatStatus.Deleted))
            step.Events.ShouldBeEmpty($"{step.Command} appended to a deleted seat");
    }

    /// <summary>
    /// Unsuspend sends the person back through the connect link "because the person must reconnect LinkedIn": a seat
    /// is activated only with a LinkedIn connection recorded since it was added or last unsuspended.
    /// </summary>
    [Property]
    public void Activation_needs_a_LinkedIn_connection_recorded_since_the_last_unsuspension(Script<SeatCommand> script)
    {
        var run = SeatRun.Of(script);
        var connectedSinceSuspension = false;
        foreach (var e in run.Log)
        {
            if (e is SeatSuspended or SeatUnsuspended)
                connectedSinceSuspension = false;
            if (e is SeatLinkedInConnected)
                connectedSinceSuspension = true;
            if (e is SeatActivated)
                connectedSinceSuspension.ShouldBeTrue("the seat was activated on a LinkedIn connection from before its suspension:\n  "
                    + string.Join("\n  ", run.Log.Select(l => l.GetType().Name)));
        }
    }
}
