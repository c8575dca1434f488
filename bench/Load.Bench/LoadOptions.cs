using System.Globalization;

namespace Outreach.Load.Bench;

/// <summary>The harness's knobs, from its command line; defaults are the figures.</summary>
internal sealed record LoadOptions
{
    public int Accounts { get; init; } = 100;
    public int Seats { get; init; } = 10_000;
    /// <summary>Seats per account made active in setup (the pool suspend and unsuspend work on).</summary>
    public int ActivePerAccount { get; init; } = 30;
    /// <summary>Connected seats per account that send invitations.</summary>
    public int SendersPerAccount { get; init; } = 4;
    public int Replicas { get; init; } = 1;
    /// <summary>Concurrency of the per-route saturation runs and of their baselines.</summary>
    public int Clients { get; init; } = 16;
    public int SaturationSeconds { get; init; } = 10;
    public double CommandRate { get; init; } = 300;
    public double ReadRate { get; init; } = 300;
    public int MixedSeconds { get; init; } = 300;
    public int SoakSeconds { get; init; }
    public int SetupParallel { get; init; } = 8;
    public string JsonPath { get; init; } = "load-results.json";
    public bool SkipSaturation { get; init; }
    /// <summary>Seconds into the mixed run at which replica 0 of every service is killed (0: never).</summary>
    public int KillAt { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--accounts" => options with { Accounts = Int() },
                "--seats" => options with { Seats = Int() },
                "--active-per-account" => options with { ActivePerAccount = Int() },
                "--senders-per-account" => options with { SendersPerAccount = Int() },
                "--replicas" => options with { Replicas = Int() },
                "--clients" => options with { Clients = Int() },
                "--saturation-seconds" => options with { SaturationSeconds = Int() },
                "--rate" => options with { CommandRate = Int() },
                "--read-rate" => options with { ReadRate = Int() },
                "--seconds" => options with { MixedSeconds = Int() },
                "--soak-seconds" => options with { SoakSeconds = Int() },
                "--setup-parallel" => options with { SetupParallel = Int() },
                "--json" => options with { JsonPath = Value() },
                "--skip-saturation" => options with { SkipSaturation = true },
                "--kill-at" => options with { KillAt = Int() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. See the header of bench/Load.Bench/Program.cs."),
            };
        }
        if (options.Seats < options.Accounts * options.ActivePerAccount)
            throw new ArgumentException("--seats must cover --accounts × --active-per-account.");
        if (options.ActivePerAccount <= options.SendersPerAccount)
            throw new ArgumentException("--active-per-account must exceed --senders-per-account.");
        return options;
    }
}
