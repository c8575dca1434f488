using Outreach.Chaos.Bench;

namespace Outreach.Chaos.Tests;

/// <summary>
/// One chaos run at CI size for the whole class: the system starts once and every fault has its phase in it (a
/// system per fault would triple the time). The run writes its progress and its table to the console, which the
/// test host does not show; both are kept here for the tests' output.
/// </summary>
public sealed class ChaosRunFixture : IAsyncLifetime
{
    private int _logTaken;

    internal ChaosReport Report { get; private set; } = null!;

    /// <summary>The report's tables, as the nightly suite prints them.</summary>
    internal string Table { get; private set; } = "";

    internal string Log { get; private set; } = "";

    internal TimeSpan Elapsed { get; private set; }

    /// <summary>The whole progress log, to the first test that asks (once is enough in a CI log).</summary>
    internal string? TakeLog() => Interlocked.Exchange(ref _logTaken, 1) == 0 ? Log : null;

    public async Task InitializeAsync()
    {
        var original = Console.Out;
        var log = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Console.SetOut(TextWriter.Synchronized(log));
            Report = await ChaosRun.RunAsync(CiChaos.Options, CiChaos.Faults());
            var table = new StringWriter();
            Console.SetOut(table);
            Report.Print();
            Table = table.ToString();
        }
        catch (Exception exception)
        {
            // A run that could not finish (the system did not start, a fault threw): every test fails with its log.
            throw new InvalidOperationException($"The chaos run failed after {clock.Elapsed.TotalSeconds:0} s. Its log:\n{log}", exception);
        }
        finally
        {
            Console.SetOut(original);
            Elapsed = clock.Elapsed;
            Log = log.ToString();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
