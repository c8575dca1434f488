using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Connect;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>One command against the seat: the state it saw, what it appended (nothing when refused), the state after.</summary>
public sealed record SeatStep(SeatCommand Command, SeatStatus Before, string StateBefore, string KeyBefore, IReadOnlyList<object>? Emitted,
    SeatStatus After, string StateAfter)
{
    public bool Refused => Emitted is null;
    public IReadOnlyList<object> Events => Emitted ?? [];
}

/// <summary>
/// Runs a script against a seat through the domain's own decisions (Seat.Suspend, Seat.Activate, …), applying what
/// each one appends as the event store would. The gates of the connect page that live outside the seat (a live link,
/// a bound browser) are not modelled, on purpose: the seat must keep its rules even when a caller gets past them.
/// The gates the handlers take from the seat itself (deleted → 404, sign-up first) are.
/// </summary>
public sealed class SeatRun
{
    public const string SeatId = "usr_property";
    public const string AccountId = "acc_property";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public Seat Seat { get; } = new();
    public List<object> Log { get; } = [];
    public List<SeatStep> Steps { get; } = [];

    /// <summary>Every event applied, with the status before and after it.</summary>
    public List<(object Event, SeatStatus Before, SeatStatus After)> Transitions { get; } = [];

    public static SeatRun Of(Script<SeatCommand> script)
    {
        var run = new SeatRun();
        run.Append(Seat.Add(SeatId, AccountId, SeatScripts.FirstKey, AddSeat.DefaultDailyLimit, "hash-0", Start.AddDays(7), Start)!);
        for (var i = 0; i < script.Commands.Count; i++)
            run.Execute(script.Commands[i], i + 1);
        return run;
    }

    private void Execute(SeatCommand command, int n)
    {
        var now = Start.AddMinutes(n);
        var before = Seat.Status;
        var stateBefore = Aggregates.StateOf(Seat);
        var keyBefore = Seat.KeyId;
        var emitted = Decide(command, n, now);
        // A decision is pure: deciding, even to refuse, leaves the seat as it was until its events are applied.
        Aggregates.StateOf(Seat).ShouldBe(stateBefore, $"deciding {command} changed the seat");
        if (emitted is not null)
            Append(emitted);
        Steps.Add(new SeatStep(command, before, stateBefore, keyBefore, emitted, Seat.Status, Aggregates.StateOf(Seat)));
    }

    private IReadOnlyList<object>? Decide(SeatCommand command, int n, DateTimeOffset now)
    {
        var otherKey = Seat.KeyId == SeatScripts.FirstKey ? "key_b" : SeatScripts.FirstKey;
        return command switch
        {
            Suspend => One(Seat.Suspend(now)),
            Unsuspend => Seat.Unsuspend($"hash-{n}", now.AddDays(7), now),
            Disconnect => One(Seat.Disconnect(now)),
            Migrate m => One(Seat.MigrateTo(m.ToKeyId, now)),
            SetDailyLimit s => Seat.SetDailyLimit(s.Limit, now),
            LinkedInConnected c => One(Seat.RecordLinkedInConnected(AccountId, c.SameTenant ? Seat.KeyId : otherKey, "idn_property", "sealed-name",
                "sealed-url", now)),
            LinkedInDropped d => One(Seat.RecordLinkedInDropped(AccountId, d.SameTenant ? Seat.KeyId : otherKey, "revoked", now)),
            _ when Seat.IsDeleted => null, // the connect page answers 404 for a deleted seat's link
            SignUp => Seat.IsSignedUp ? null : [new SeatSignedUp(SeatId, "idn_property", "sf", "sl", "se", $"browser-{n}", now)],
            _ when !Seat.IsSignedUp => null, // every later step redirects to the sign-up form
            StartLinkedInLogin => [new OnboardingLoginStarted(SeatId, $"ses_{n}", now)],
            AddProduct => [new OnboardingProductAdded(SeatId, $"product {n}", now)],
            // The profile step validates the limit first (422), then records it with the working hours.
            SetProfile p => DailyLimits.IsValid(p.Limit)
                ? [.. Seat.SetDailyLimit(p.Limit, now) ?? [], new SeatWorkingHoursSet(SeatId, AccountId, Seat.KeyId, "Europe/London", 540, 1020, now)]
                : null,
            ReviewProduct => One(Seat.ConfirmProduct(now)),
            CompleteSetup => One(Seat.Activate(now)),
            _ => throw new InvalidOperationException($"Unknown command {command}."),
        };
    }

    private static IReadOnlyList<object>? One(object? e) => e is null ? null : [e];

    private void Append(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            var before = Log.Count == 0 ? (SeatStatus?)null : Seat.Status;
            Aggregates.Apply(Seat, e);
            Log.Add(e);
            if (before is { } status)
                Transitions.Add((e, status, Seat.Status));
        }
    }
}
