using Xunit.Abstractions;

namespace Outreach.Chaos.Tests;

/// <summary>
/// Issue 9 at CI size: the nightly chaos suite's machinery (bench/Chaos.Bench) over one system, one phase per fault
/// under a steady mixed workload. Each fault is its own test: nothing accepted is lost or applied twice, no state
/// gap, no 5xx but 503, every refusal problem+json (or a refused connection), no hang, recovered within the bound.
/// </summary>
public sealed class ChaosUnderLoadTests(ChaosRunFixture run, ITestOutputHelper output) : IClassFixture<ChaosRunFixture>
{
    [Theory]
    // The control first: if the system is not clean without a fault, the faults' figures mean nothing.
    [InlineData(Bench.ChaosRun.Control)]
    [InlineData(CiChaos.Broker)]
    [InlineData(CiChaos.SeatService)]
    [InlineData(CiChaos.Postgres)]
    [InlineData(CiChaos.StoppedConsumer)]
    public void A_fault_under_load_loses_nothing_duplicates_nothing_and_is_over_within_the_bound(string fault)
    {
        // The run's log and its tables once, with the first test that runs; each test then shows its own phase.
        if (run.TakeLog() is { } log)
            output.WriteLine($"The chaos run took {run.Elapsed.TotalSeconds:0} s. Its log:\n{log}\n{run.Table}");

        var phase = run.Report.Faults.SingleOrDefault(f => f.Fault == fault);
        Assert.True(phase is not null, $"No phase {fault} in the run: {string.Join(", ", run.Report.Faults.Select(f => f.Fault))}");
        var figures = PhaseFigures.Describe(phase);
        output.WriteLine(figures);

        var broken = PhaseFigures.Broken(phase);
        Assert.True(broken.Count == 0, $"{string.Join("; ", broken)}.\n{figures}");
    }
}
