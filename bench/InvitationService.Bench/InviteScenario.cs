using System.Net;
using System.Net.Http.Json;

namespace Outreach.InvitationService.Bench;

/// <summary>One invite to time: who sends (its client and account) and to whom (a provider_id that account was shown).</summary>
internal sealed record Invite(HttpClient Client, string AccountId, string ProviderId);

/// <summary>
/// Figure 1: POST /api/v1/users/invite on invitation-service, and its baseline, the same call straight to the sandbox.
/// Every invite goes to a new person whose provider_id the sending account looked up beforehand (not timed).
/// </summary>
internal static class InviteScenario
{
    /// <summary>A sandbox login of a new member, made on the sandbox itself (a plain username connects at once).</summary>
    public static async Task<string> SandboxAccountAsync(HttpClient sandbox)
    {
        var created = await Http.PostAsync(sandbox, "/api/v1/accounts",
            new { provider = "LINKEDIN", username = $"bench.base.{Guid.NewGuid():N}@example.com", password = "pw" }, HttpStatusCode.Created, "sandbox account");
        return created.GetProperty("account_id").GetString()!;
    }

    /// <summary><paramref name="perAccount"/> new people per account, looked up through <paramref name="client"/>, interleaved over the accounts.</summary>
    public static async Task<List<Invite>> PrepareAsync(IReadOnlyList<(HttpClient Client, string AccountId)> accounts, int perAccount, int parallel)
    {
        var groups = new Invite[accounts.Count][];
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (a, _) =>
        {
            var (client, accountId) = accounts[a];
            groups[a] = new Invite[perAccount];
            for (var i = 0; i < perAccount; i++)
            {
                var profile = await Http.GetAsync(client, $"/api/v1/users/{Senders.NewPerson()}?account_id={accountId}", HttpStatusCode.OK, "profile");
                groups[a][i] = new Invite(client, accountId, profile.GetProperty("provider_id").GetString()!);
            }
        });
        return Load.Interleave<Invite>(groups);
    }

    /// <summary>The timed call: invitation-service answers 200, the sandbox 201.</summary>
    public static async Task SendAsync(Invite invite, HttpStatusCode expected)
    {
        using var response = await invite.Client.PostAsJsonAsync(new Uri("/api/v1/users/invite", UriKind.Relative),
            new { provider_id = invite.ProviderId, account_id = invite.AccountId });
        await Http.ReadAsync(response, expected, "invite");
    }
}
