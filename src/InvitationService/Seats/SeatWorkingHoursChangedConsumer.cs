using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.InvitationService.Invitations;

namespace Outreach.InvitationService.Seats;

/// <summary>
/// SeatWorkingHoursChanged (the onboarding wizard's Profile Settings): the seat's queued sends go out only inside its
/// window from now on; direct sends are the caller's own decision and are not held back. A window that cannot be
/// applied (an unknown zone, start not before end, a day out of 0–6) is logged and ignored rather than retried forever.
/// </summary>
public sealed partial class SeatWorkingHoursChangedConsumer(IDocumentStore store, QueueSignal queue, ILogger<SeatWorkingHoursChangedConsumer> logger)
    : InboxConsumer<SeatWorkingHoursChanged>(store)
{
    protected override async Task HandleAsync(ConsumeContext<SeatWorkingHoursChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        if (!IsApplicable(m))
        {
            LogIgnored(logger, m.SeatId, m.TimeZone, m.StartMinute, m.EndMinute);
            return;
        }

        // Another account's seat: forged or misrouted, it changes nothing.
        if (!await SeatTenancy.IsOfAccountAsync(session, m.SeatId, m.AccountId, context.CancellationToken))
        {
            SeatTenancy.LogForeignAccount(logger, nameof(SeatWorkingHoursChanged), m.SeatId, m.AccountId);
            return;
        }

        session.TenantId = m.KeyId;
        session.Events.Append(SeatViews.StreamId(m.SeatId), new SeatWorkingHoursApplied(m.SeatId, m.AccountId, m.KeyId, m.TimeZone, m.StartMinute,
            m.EndMinute, m.Days?.Distinct().Order().ToArray(), m.ChangedAt));
        queue.Wake();
    }

    private static bool IsApplicable(SeatWorkingHoursChanged m)
    {
        // IANA names only ("Europe/Paris", "UTC"): .NET would also take a Windows name and convert it, PostgreSQL would not.
        var zoneKnown = m.TimeZone is { Length: > 0 and < 64 } zone && (zone == "UTC" || (zone.Contains('/', StringComparison.Ordinal)
            && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)));
        var windowValid = m.StartMinute is >= 0 and < 1440 && m.EndMinute is > 0 and <= 1440 && m.StartMinute < m.EndMinute;
        return zoneKnown && windowValid && (m.Days?.All(d => d is >= 0 and <= 6) ?? true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat {SeatId}: working hours {TimeZone} {Start}-{End} cannot be applied; ignored")]
    private static partial void LogIgnored(ILogger logger, string seatId, string timeZone, int start, int end);
}
