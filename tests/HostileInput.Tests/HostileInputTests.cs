using System.Net;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.HostileInput.Tests;

/// <summary>
/// Issue 9: every public route of every service under invalid input gets a 4xx problem+json that names the problem,
/// never a 5xx, and nothing is stored: the databases' event counts are those taken before the corpus, and every
/// service still answers /health.
/// </summary>
[Collection(HostileSystemSuite.Name)]
public sealed class HostileInputTests(HostileSystemFixture system, ITestOutputHelper output)
{
    public static TheoryData<string> Families => [.. HostileCorpus.Families];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Every_invalid_request_is_a_named_4xx_problem_and_stores_nothing(string family)
    {
        var cases = HostileCorpus.For(family, system.Tenant, system.OperatorToken);
        var report = await new CaseRunner(system).RunAsync(cases);
        output.WriteLine(report.Summary(family));

        var failures = report.Failures.ToList();
        var after = await system.EventCountsAsync();
        foreach (var (database, before) in system.EventsBefore)
            if (after[database] != before)
                failures.Add($"{database}: {before} events before the corpus, {after[database]} after");
        foreach (var service in new[] { HostileSystemFixture.SeatService, HostileSystemFixture.IdentityService, HostileSystemFixture.InvitationService })
        {
            using var health = await system.Client(service).GetAsync("/health");
            if (health.StatusCode != HttpStatusCode.OK)
                failures.Add($"{service} /health answers {(int)health.StatusCode} after the corpus");
        }
        foreach (var failure in failures)
            output.WriteLine(failure);
        failures.ShouldBeEmpty($"{failures.Count} failures in {family}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void The_corpus_holds_at_least_300_cases_over_every_family()
    {
        var sizes = HostileCorpus.Families.ToDictionary(family => family, family => HostileCorpus.For(family, system.Tenant, system.OperatorToken).Count);
        output.WriteLine($"corpus: {sizes.Values.Sum()} cases ({string.Join(", ", sizes.Select(size => $"{size.Key} {size.Value}"))})");
        sizes.Values.Sum().ShouldBeGreaterThanOrEqualTo(300);
        sizes.Values.ShouldAllBe(size => size > 0);
    }
}
