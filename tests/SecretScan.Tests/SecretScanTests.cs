using Outreach.SecretScan.Tests.Scan;
using Outreach.SecretScan.Tests.Scenario;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.SecretScan.Tests;

/// <summary>
/// After a full scenario with known secrets, none of them is found, as is or encoded, in any table of any database
/// (the event log included), any resource's console output, the dashboard's logs, spans, metrics and API answers, or
/// any message published on the broker.
/// </summary>
[Collection(ScanSuite.Name)]
public sealed class SecretScanTests(ScanFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task No_secret_of_a_full_scenario_is_found_anywhere()
    {
        var scenario = new FullScenario(system);
        await scenario.RunAsync();
        // Services export every second and console lines travel through a pipe: let the last ones land.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var report = await system.ScanEverywhereAsync(scenario.Secrets.All);
        output.WriteLine(report.Table());

        scenario.Secrets.Kinds.ShouldBe(
            ["operator token", "dashboard browser token", "OTLP API key", "database password", "broker password", "access key", "key secret", "connect-link token", "onboarding cookie",
             "LinkedIn password", "wrong 2FA code", "2FA code", "LinkedIn session token"], ignoreOrder: true);
        // Every place the issue names was looked at and held something to look at.
        foreach (var place in new[] { "db seatsdb", "db identitiesdb", "db invitationsdb", "console seat-service", "console identity-service",
                     "console invitation-service", "console linkedin-sandbox", "dashboard structured logs", "dashboard spans", "dashboard metrics",
                     "dashboard api resources", "broker messages" })
            report.Places.Where(p => p.Name.StartsWith(place, StringComparison.Ordinal)).Sum(p => p.Items).ShouldBeGreaterThan(0, place);
        report.Places.Single(p => p.Name == "db identitiesdb public.events").Items.ShouldBeGreaterThan(0);

        report.Hits.ShouldBeEmpty("secrets were found (place: kind [encoding] x count)");
    }
}
