using Shouldly;

namespace Outreach.CrossService.Tests.AccessKeys;

/// <summary>An access key or secret passes through identity- and invitation-service on its way to seat-service; none logs it.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class SecretLoggingTests(CrossServiceFixture system)
{
    [Fact]
    public async Task Keys_and_secrets_never_appear_in_any_services_console_log()
    {
        var key = await system.IssueKeyAsync();
        var revoked = await system.IssueKeyAsync();
        await system.RevokeAsync(revoked);

        foreach (var (service, path) in new[]
        {
            (CrossServiceFixture.IdentityService, TenantRoutes.Identities),
            (CrossServiceFixture.InvitationService, TenantRoutes.SentInvitations),
        })
        {
            foreach (var issued in new[] { key, revoked })
            {
                foreach (var (_, headers) in issued.HeaderForms())
                    using (await system.Client(service, headers).GetAsync(path)) { }
            }
        }
        // Console lines reach the AppHost's log store through a pipe; give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(1));

        foreach (var service in new[] { CrossServiceFixture.IdentityService, CrossServiceFixture.InvitationService, CrossServiceFixture.SeatService })
        {
            var lines = system.App.ResourceLogs.GetLines(service);
            lines.ShouldNotBeEmpty(service);
            foreach (var secret in new[] { key.AccessKey, key.Secret, revoked.AccessKey, revoked.Secret })
                lines.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal), service);
        }
    }
}
