using Npgsql;

namespace Outreach.Load.Bench;

/// <summary>Subscription lag over a phase: events in a database's log not yet handled by a subscription, per subscription.</summary>
internal sealed record LagResult(string Subscription, long Peak, double FirstMinuteAverage, double LastMinuteAverage, long Final);

/// <summary>
/// Every 2 s, for each service database, how far each subscription's checkpoint is behind the newest event
/// (subscription_checkpoints against the events table): the relay and the async projections.
/// </summary>
internal sealed class LagSampler(IReadOnlyList<(string Database, string ConnectionString)> databases)
{
    private readonly Dictionary<string, List<(double At, long Lag)>> _samples = [];

    public async Task RunAsync(CancellationToken stop)
    {
        var sources = databases.Select(d => (d.Database, Source: NpgsqlDataSource.Create(d.ConnectionString))).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (database, source) in sources)
                {
                    await using var command = source.CreateCommand(
                        "SELECT c.name, GREATEST((SELECT coalesce(max(seq_id), 0) FROM events) - c.seq_id, 0) FROM subscription_checkpoints c");
                    await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                    while (await reader.ReadAsync(CancellationToken.None))
                    {
                        var name = $"{database}/{reader.GetString(0)}";
                        if (!_samples.TryGetValue(name, out var list))
                            _samples[name] = list = [];
                        list.Add((clock.Elapsed.TotalSeconds, reader.GetInt64(1)));
                    }
                }
                try
                {
                    await Task.Delay(2000, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var (_, source) in sources)
                await source.DisposeAsync();
        }
    }

    public List<LagResult> Results() =>
    [
        .. _samples.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var start = s.Value[0].At;
            var end = s.Value[^1].At;
            return new LagResult(s.Key, s.Value.Max(v => v.Lag),
                s.Value.Where(v => v.At <= start + 60).Average(v => v.Lag),
                s.Value.Where(v => v.At >= end - 60).Average(v => v.Lag),
                s.Value[^1].Lag);
        }),
    ];
}
