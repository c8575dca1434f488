using System.Net;
using Shouldly;

namespace Outreach.CrossService.Tests.AccessKeys;

/// <summary>
/// The other services cache seat-service's "yes" for 30 s; revoking a key must not wait for that. AccessKeyRevoked
/// evicts it, so the key fails within the message's latency.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class RevocationTests(CrossServiceFixture system)
{
    // Far below the 30 s positive cache: passing inside it proves the eviction, not the expiry, refused the key.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(TenantRoutes.OfOtherServices), MemberType = typeof(TenantRoutes))]
    public async Task A_revoked_key_fails_within_seconds_although_its_acceptance_was_cached(string service, string path)
    {
        var key = await system.IssueKeyAsync();
        var forms = key.HeaderForms();
        // Every form is accepted once first, so each has a cached "yes" that only eviction can remove.
        foreach (var (form, headers) in forms)
        {
            using var accepted = await system.Client(service, headers).GetAsync(path);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, form);
        }

        await system.RevokeAsync(key);
        var revokedAt = DateTime.UtcNow;

        foreach (var (form, headers) in forms)
        {
            while (true)
            {
                using var response = await system.Client(service, headers).GetAsync(path);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    break;
                response.StatusCode.ShouldBe(HttpStatusCode.OK, form);
                if (DateTime.UtcNow - revokedAt > Deadline)
                    throw new TimeoutException($"{service} still accepted the revoked key ({form}) {Deadline.TotalSeconds} s after revocation.");
                await Task.Delay(50);
            }
        }
    }
}
