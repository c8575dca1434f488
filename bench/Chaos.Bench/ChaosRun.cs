namespace Outreach.Chaos.Bench;

/// <summary>
/// One whole chaos run: start the system, populate it, a no-fault control phase, then each fault's phase. Shared by
/// the nightly suite (Program.cs, every fault at nightly size) and the CI-sized suite (tests/Chaos.Tests, a few
/// faults at a fifth of the load), so both measure with the same machinery.
/// </summary>
internal static class ChaosRun
{
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, IReadOnlyList<ChaosFault> faults)
    {
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; {Environment.ProcessorCount} cores");
        Console.WriteLine("Starting the system through the AppHost's testing entry…");
        await using var system = await LoadSystem.StartAsync(replicas: 1);
        Console.WriteLine($"Setup: {options.Accounts} accounts, {options.Seats:N0} seats…");
        var tenants = await Setup.PopulateAsync(system, options.Load);

        var deliveries = new Deliveries(system);
        var phase = new FaultPhase(system, tenants, options, deliveries);
        var results = new List<FaultResult>();
        // The control: the same load with no fault. It teaches the counter which consumers each event type has, and
        // shows what the figures are when nothing goes wrong.
        await deliveries.LearnConsumersAsync();
        results.Add(await phase.RunAsync(null, Control, "no fault", Math.Max(20, options.WarmSeconds + 10)));
        foreach (var fault in faults)
            results.Add(await phase.RunAsync(fault, fault.Name, fault.What, fault.LoadSeconds));

        return new ChaosReport(options, Environment.ProcessorCount, loadBefore, Machine.LoadAverage(), options.Seats, results, ServiceErrors.Collect(system),
            deliveries.ConsumersByType.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value.Order(StringComparer.Ordinal).ToList()));
    }

    /// <summary>The control phase's name in the report.</summary>
    public const string Control = "none (control)";
}
