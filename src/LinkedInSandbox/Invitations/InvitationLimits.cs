namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// LinkedIn's invitation limits, per member: DailyInvitationLimit per UTC day, WeeklyInvitationLimit in any rolling
/// 7 days. Every send counts, withdrawn or accepted later, as on LinkedIn; a refused send does not.
/// </summary>
public static class InvitationLimits
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The usage thresholds (percent of the weekly limit) whose crossing the send answer reports.</summary>
    private static readonly int[] Thresholds = [50, 75, 90, 95];

    /// <summary>Sends in the rolling week ending now.</summary>
    public static int SentThisWeek(MemberLedger ledger, DateTimeOffset now) => ledger.SentAfter(now - Week).Count;

    /// <summary>Null when one more send is allowed now; otherwise how long until both limits leave room for one.</summary>
    public static TimeSpan? WaitBeforeNextSend(MemberLedger ledger, DateTimeOffset now, SandboxOptions options)
    {
        var daily = Math.Max(1, options.DailyInvitationLimit);
        var weekly = Math.Max(1, options.WeeklyInvitationLimit);
        var startOfDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var today = ledger.SentAfter(startOfDay - TimeSpan.FromTicks(1)).Count;
        var week = ledger.SentAfter(now - Week);

        var wait = TimeSpan.Zero;
        if (today >= daily)
            wait = startOfDay.AddDays(1) - now;
        if (week.Count >= weekly)
        {
            // A slot frees when enough of the oldest sends leave the window to bring the count under the limit.
            var freesAt = week[week.Count - weekly] + Week;
            wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (freesAt - now).Ticks));
        }

        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>
    /// The percentage of the weekly limit used after a send, when that send crossed one of the thresholds
    /// (before it the usage was under the threshold, after it at or over it); otherwise null.
    /// </summary>
    public static int? UsageCrossed(int sentBefore, int sentAfter, SandboxOptions options)
    {
        var weekly = Math.Max(1, options.WeeklyInvitationLimit);
        var crossed = Thresholds.Any(threshold => sentBefore * 100L < threshold * (long)weekly && sentAfter * 100L >= threshold * (long)weekly);
        return crossed ? (int)(sentAfter * 100L / weekly) : null;
    }
}
