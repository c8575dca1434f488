using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// A forged AccessKeyRevoked naming the victim's key does not lock the victim out. The message only evicts the key's
/// cached answer in identity- and invitation-service: seat-service's key check stays the one truth, so the next request
/// asks it again and is let in. A consumer that took the message's word for the revocation would fail this.
/// </summary>
[Collection(IsolationSuite.Name)]
public sealed class ForgedRevocationTests(IsolationFixture system)
{
    private static readonly string[] Consumers = [IsolationFixture.IdentityService, IsolationFixture.InvitationService];

    [Fact]
    public async Task A_forged_revocation_of_another_tenants_key_leaves_it_working()
    {
        var victim = await TenantState.CreateAsync(system, $"revoked{Guid.NewGuid():N}"[..14], $"victim.{Guid.NewGuid():N}@example.com");
        var forger = await system.IssueKeyAsync("Forger");

        await BrokerClient.PublishAsync(await system.BrokerAsync(), new AccessKeyRevoked(forger.AccountId, victim.Key.KeyId, DateTimeOffset.UtcNow), Guid.NewGuid());

        // The consumer keeps no inbox row (evicting is harmless twice); its log line says it handled the message.
        foreach (var service in Consumers)
            await Eventually.Async(() => Task.FromResult(system.App.ResourceLogs.GetLines(service)
                    .Any(line => line.Contains($"Access key {victim.Key.KeyId} was revoked", StringComparison.Ordinal))),
                $"{service} handled the forged revocation", TimeSpan.FromSeconds(20));

        var failures = await VictimChecks.StillWorksAsync(system, victim);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }
}
