using Outreach.Chaos.Bench;

namespace Outreach.Chaos.Tests;

/// <summary>The CI size of the nightly chaos suite: a fifth of its load, half its phases, four of its seven faults.</summary>
internal static class CiChaos
{
    public const string Broker = "kill -9 rabbitmq";
    public const string SeatService = "kill -9 seat-service";
    public const string Postgres = "restart postgres";
    public const string StoppedConsumer = "stopped invitation-service";

    /// <summary>
    /// Longest a fault may take to be over for the client, from the fault's end: the resource healthy, answers
    /// normal (2xx/409/429) and everything committed before the fault handled by every consumer. What it must cover,
    /// on a 2-core machine the suite shares: the AppHost's first restart delay (1 s), a .NET service or RabbitMQ
    /// starting and passing its health check (10–20 s here under load), the background loops' retry backoff (capped at
    /// 15 s, EventStoreOptions.MaxRetryDelay) before the relay and subscriptions reconnect, and a consumer's message
    /// retries (intervals up to 10 s) while its dependencies come back: about 45 s, doubled for a loaded machine.
    /// The nightly run at three times this load recovered within 76 s (restart postgres, the slowest).
    /// </summary>
    public const double RecoveryBoundSeconds = 90;

    /// <summary>
    /// 5 accounts and 100 seats; 10 commands/s and 5 reads/s; 25 s phases with the fault after 5 s of load (20 s of
    /// load after it, enough to see refusals end); the consumer stopped for 10 s (about 100 commands' deliveries queue
    /// for it). The whole run is about four minutes here, the system's start included.
    /// </summary>
    public static ChaosOptions Options { get; } = new()
    {
        Accounts = 5,
        Seats = 100,
        CommandRate = 10,
        ReadRate = 5,
        SecondsPerFault = 25,
        WarmSeconds = 5,
        StoppedSeconds = 10,
    };

    /// <summary>The nightly suite's faults, picked by name: the broker, one service (the one every command passes), the database, a stopped consumer.</summary>
    public static List<ChaosFault> Faults()
    {
        string[] names = [Broker, SeatService, Postgres, StoppedConsumer];
        var all = Bench.Faults.Select(Options with { Fault = "all" });
        var picked = all.Where(f => names.Contains(f.Name)).ToList();
        if (picked.Count != names.Length)
            throw new InvalidOperationException($"The chaos suite's faults are now {string.Join(", ", all.Select(f => f.Name))}; update CiChaos.");
        return picked;
    }
}
