namespace Outreach.TenantIsolation.Tests;

/// <summary>What a tenant's state looks like from outside: its events per database and its own reads.</summary>
public sealed record TenantSnapshot(IReadOnlyDictionary<string, long> Events, IReadOnlyDictionary<string, string> Reads)
{
    private const string TenantEvents = "SELECT count(*) FROM events WHERE tenant_id = ANY($1) OR stream_id = ANY($2)";

    public static async Task<TenantSnapshot> TakeAsync(IsolationFixture system, TenantState tenant)
    {
        var events = new Dictionary<string, long>();
        foreach (var database in IsolationFixture.Databases)
            events[database] = await system.QueryAsync<long>(database, TenantEvents, new[] { tenant.Key.KeyId, tenant.Key.AccountId }, tenant.StreamIds.ToArray());
        var reads = new Dictionary<string, string>();
        foreach (var (service, path, form) in ReadsOf(tenant))
        {
            using var client = system.Client(service, form == KeyForm.AccessKey ? tenant.Key.AccessKeyHeader() : tenant.Key.KeyIdAndSecretHeaders());
            var answer = await client.SendJsonAsync(HttpMethod.Get, path);
            reads[$"{service} {path}"] = $"{answer.Status} {answer.Text}";
        }
        return new TenantSnapshot(events, reads);
    }

    /// <summary>Waits until the tenant's background work (counting the sent invitation, projections) has settled.</summary>
    public static async Task<TenantSnapshot> SettledAsync(IsolationFixture system, TenantState tenant)
    {
        var previous = await TakeAsync(system, tenant);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = await TakeAsync(system, tenant);
            if (now.Differences(previous).Count == 0)
                return now;
            previous = now;
        }
        throw new TimeoutException("The tenant's state never settled.");
    }

    public IReadOnlyList<string> Differences(TenantSnapshot before)
    {
        var differences = new List<string>();
        foreach (var (database, count) in Events)
        {
            if (before.Events[database] != count)
                differences.Add($"{database}: {before.Events[database]} events of the tenant before, {count} after");
        }
        foreach (var (read, answer) in Reads)
        {
            if (before.Reads[read] != answer)
                differences.Add($"{read} answered {before.Reads[read]} before, {answer} after");
        }
        return differences;
    }

    private static IEnumerable<(string Service, string Path, KeyForm Form)> ReadsOf(TenantState t) =>
    [
        (IsolationFixture.SeatService, "/user-list", KeyForm.AccessKey),
        (IsolationFixture.SeatService, $"/user-management/users/{t.MemberUid}", KeyForm.AccessKey),
        (IsolationFixture.SeatService, "/user-management/invitations/", KeyForm.AccessKey),
        (IsolationFixture.SeatService, "/v1/workspace/users", KeyForm.KeyIdAndSecret),
        (IsolationFixture.IdentityService, $"/v1/identities/{t.IdentityId}", KeyForm.AccessKey),
        (IsolationFixture.IdentityService, $"/v1/identities/{t.IdentityId}/linkedin/check", KeyForm.AccessKey),
        (IsolationFixture.IdentityService, $"/v1/identities/{t.IdentityId}/linkedin/status/{t.SessionId}", KeyForm.AccessKey),
        (IsolationFixture.InvitationService, $"/v1/invitations?account_id={t.LinkedInAccountId}&limit=100", KeyForm.AccessKey),
        (IsolationFixture.InvitationService, $"/api/v1/users/invite/sent?account_id={t.LinkedInAccountId}", KeyForm.AccessKey),
    ];
}
