namespace Outreach.InvitationService.Invitations;

/// <summary>A slot of a sender's UTC day taken by an invitation about to be sent.</summary>
public sealed record QuotaSlotTaken(string SenderKey, DateOnly Day, string InvitationId, int Limit, DateTimeOffset TakenAt);

/// <summary>The slot came back: the provider refused the invitation, or it was never sent.</summary>
public sealed record QuotaSlotReleased(string SenderKey, DateOnly Day, string InvitationId, DateTimeOffset ReleasedAt);

/// <summary>
/// A sender's invitations of one UTC day (stream quota-&lt;sender&gt;-&lt;day&gt;). Taking a slot appends at the version
/// read, so two sends that both saw the last free slot cannot both take it: one commit fails and looks again.
/// </summary>
public sealed class DailyQuota
{
    private static readonly int[] Thresholds = [50, 75, 90, 95];

    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);

    // Which send reported each threshold today. A slot given back below a threshold (a send that settled as never
    // sent) must not let a later send report it a second time, unless the reporter itself gave its slot back: then it
    // never went out, and nobody heard the report.
    private readonly Dictionary<int, string> _reporters = [];

    public string Id { get; set; } = "";
    public long Version { get; set; }
    public int Used => _holders.Count;

    public static string StreamId(string senderKey, DateOnly day) => $"quota-{senderKey}-{day:yyyy-MM-dd}";

    public bool Holds(string invitationId) => _holders.Contains(invitationId);

    /// <summary>Another slot may be taken only below the limit: the day's sends never exceed it.</summary>
    public static bool HasRoom(int used, int limit) => used < limit;

    public void Apply(QuotaSlotTaken e)
    {
        var before = _holders.Count;
        if (!_holders.Add(e.InvitationId))
            return;
        foreach (var threshold in Crossed(before, e.Limit))
            _reporters.TryAdd(threshold, e.InvitationId);
    }

    public void Apply(QuotaSlotReleased e)
    {
        if (!_holders.Remove(e.InvitationId))
            return;
        foreach (var threshold in _reporters.Where(r => r.Value == e.InvitationId).Select(r => r.Key).ToList())
            _reporters.Remove(threshold);
    }

    /// <summary>
    /// The usage the next send reports if it takes a slot now: the percentage used after it, when it crosses a
    /// threshold no send of the day has reported yet; otherwise null.
    /// </summary>
    public int? UsageIfTaken(int limit) =>
        Crossed(Used, limit).Any(threshold => !_reporters.ContainsKey(threshold)) ? CrossedThreshold(Used, limit) : null;

    /// <summary>The thresholds that going from <paramref name="before"/> to one more crosses.</summary>
    private static IEnumerable<int> Crossed(int before, int limit) =>
        limit <= 0 ? [] : Thresholds.Where(t => before * 100 < t * limit && (before + 1) * 100 >= t * limit);

    /// <summary>The percentage of <paramref name="limit"/> used, when going from <paramref name="before"/> to one more crossed 50, 75, 90 or 95.</summary>
    public static int? CrossedThreshold(int before, int limit)
    {
        if (limit <= 0)
            return null;
        var after = before + 1;
        foreach (var threshold in new[] { 95, 90, 75, 50 })
        {
            // Crossed: below the threshold before, at or above it now (integer arithmetic, no rounding surprises).
            if (before * 100 < threshold * limit && after * 100 >= threshold * limit)
                return after * 100 / limit;
        }
        return null;
    }
}
