using System.Globalization;

namespace Outreach.Chaos.Bench;

/// <summary>The chaos suite's knobs, from its command line; the defaults keep a whole run under about ten minutes.</summary>
internal sealed record ChaosOptions
{
    public static readonly string[] FaultGroups = ["all", "broker", "services", "postgres", "sandbox", "stopped-consumer"];

    public string Fault { get; init; } = "all";
    public double CommandRate { get; init; } = 30;
    public double ReadRate { get; init; } = 15;
    /// <summary>How long the load runs in each fault's phase, the fault included (the sandbox's minute gets 30 s more).</summary>
    public int SecondsPerFault { get; init; } = 50;
    /// <summary>Seconds of steady load before the fault is made.</summary>
    public int WarmSeconds { get; init; } = 10;
    /// <summary>How long the sandbox's errors last in all (a third each of 500, 429 and timeouts).</summary>
    public int SandboxFaultSeconds { get; init; } = 60;
    /// <summary>How long the consumer stays stopped while the load fills its queue.</summary>
    public int StoppedSeconds { get; init; } = 20;
    /// <summary>How long PostgreSQL stays frozen (SIGSTOP): longer than the services' 8 s request deadline.</summary>
    public int FreezeSeconds { get; init; } = 15;
    public int Accounts { get; init; } = 10;
    public int Seats { get; init; } = 400;
    public string JsonPath { get; init; } = "chaos-results.json";

    /// <summary>The load harness's options for the population and its workload.</summary>
    public LoadOptions Load => new()
    {
        Accounts = Accounts,
        Seats = Seats,
        ActivePerAccount = 12,
        SendersPerAccount = 2,
        SetupParallel = 4,
        CommandRate = CommandRate,
        ReadRate = ReadRate,
    };

    public static ChaosOptions Parse(string[] args)
    {
        var options = new ChaosOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--fault" => options with { Fault = Value() },
                "--rate" => options with { CommandRate = Int() },
                "--read-rate" => options with { ReadRate = Int() },
                "--seconds-per-fault" => options with { SecondsPerFault = Int() },
                "--warm-seconds" => options with { WarmSeconds = Int() },
                "--sandbox-fault-seconds" => options with { SandboxFaultSeconds = Int() },
                "--stopped-seconds" => options with { StoppedSeconds = Int() },
                "--freeze-seconds" => options with { FreezeSeconds = Int() },
                "--accounts" => options with { Accounts = Int() },
                "--seats" => options with { Seats = Int() },
                "--json" => options with { JsonPath = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. See the header of bench/Chaos.Bench/Program.cs."),
            };
        }
        if (!FaultGroups.Contains(options.Fault))
            throw new ArgumentException($"--fault must be one of: {string.Join(", ", FaultGroups)}.");
        if (options.SecondsPerFault < options.WarmSeconds + 20)
            throw new ArgumentException("--seconds-per-fault must leave at least 20 s of load after --warm-seconds.");
        if (options.Seats < options.Accounts * 12)
            throw new ArgumentException("--seats must cover 12 active seats per account.");
        return options;
    }
}
