using Npgsql;

namespace Outreach.Chaos.Bench;

/// <summary>Where each service database's event log stood: the newest seq_id per database.</summary>
internal sealed record LogMark(Dictionary<string, long> NewestSeq);

/// <summary>Deliveries of the events committed between two marks: one per event and consumer of its type.</summary>
internal sealed record DeliveryCount(long Events, long Expected, long Handled, Dictionary<string, long> MissingByConsumer, List<string> Examples)
{
    public long Missing => Expected - Handled;
}

/// <summary>
/// Counts effects in every consumer through the inboxes. The relay publishes each event with the event's id as its
/// MessageId, and every consumer commits an inbox row (message id, consumer) in the same transaction as its effect,
/// so "event E had its effect in consumer C" is exactly "C's database has the row (E, C)". Which consumers an event
/// type has is learnt from the run itself: every consumer that has handled at least one event of that type.
/// </summary>
internal sealed class Deliveries(LoadSystem system)
{
    public static readonly string[] Databases = ["seatsdb", "identitiesdb", "invitationsdb"];
    private readonly Dictionary<string, HashSet<string>> _consumersByType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> ConsumersByType => _consumersByType;

    public async Task<LogMark> MarkAsync()
    {
        var newest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var database in Databases)
            newest[database] = (await ReadAsync(database, "SELECT coalesce(max(seq_id), 0) FROM events", r => r.GetInt64(0)))[0];
        return new LogMark(newest);
    }

    /// <summary>Learns (again) which consumers each event type has, from every event and inbox row so far.</summary>
    public async Task LearnConsumersAsync()
    {
        var typeOf = new Dictionary<Guid, string>();
        foreach (var database in Databases)
            foreach (var (id, type) in await ReadAsync(database, "SELECT id, type FROM events", r => (r.GetGuid(0), r.GetString(1))))
                typeOf[id] = type;
        foreach (var database in Databases)
        {
            foreach (var (messageId, consumer) in await ReadAsync(database, "SELECT message_id, consumer FROM inbox", r => (r.GetGuid(0), r.GetString(1))))
            {
                if (!typeOf.TryGetValue(messageId, out var type))
                    continue;
                if (!_consumersByType.TryGetValue(type, out var consumers))
                    _consumersByType[type] = consumers = new HashSet<string>(StringComparer.Ordinal);
                consumers.Add($"{database}/{consumer}");
            }
        }
    }

    /// <summary>The deliveries owed for the events committed after <paramref name="from"/> up to <paramref name="to"/>, and how many were made.</summary>
    public async Task<DeliveryCount> CountAsync(LogMark from, LogMark to)
    {
        var events = new List<(Guid Id, string Type, string Database)>();
        foreach (var database in Databases)
            events.AddRange(await ReadAsync(database, "SELECT id, type FROM events WHERE seq_id > $1 AND seq_id <= $2",
                r => (r.GetGuid(0), r.GetString(1), database), from.NewestSeq[database], to.NewestSeq[database]));
        var ids = events.Select(e => e.Id).ToArray();
        var handled = new HashSet<(Guid, string)>();
        foreach (var database in Databases)
            foreach (var (messageId, consumer) in await ReadAsync(database, "SELECT message_id, consumer FROM inbox WHERE message_id = ANY($1)", r => (r.GetGuid(0), r.GetString(1)), ids))
                handled.Add((messageId, $"{database}/{consumer}"));
        long expected = 0, made = 0;
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        var examples = new List<string>();
        foreach (var (id, type, database) in events)
        {
            if (!_consumersByType.TryGetValue(type, out var consumers))
                continue;
            foreach (var consumer in consumers)
            {
                expected++;
                if (handled.Contains((id, consumer)))
                {
                    made++;
                    continue;
                }
                missing[consumer] = missing.GetValueOrDefault(consumer) + 1;
                if (examples.Count < 5)
                    examples.Add($"{type} {id} from {database} not handled by {consumer}");
            }
        }
        return new DeliveryCount(events.Count, expected, made, missing, examples);
    }

    private Task<List<T>> ReadAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> row, params object[] parameters) =>
        WithRetryAsync(async () =>
        {
            var rows = new List<T>();
            await using var source = NpgsqlDataSource.Create(system.ConnectionString(database));
            await using var command = source.CreateCommand(sql);
            foreach (var parameter in parameters)
                command.Parameters.AddWithValue(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(row(reader));
            return rows;
        });

    /// <summary>The suite's own reads outlast the faults it makes (a restarting PostgreSQL, a full pool): it asks again.</summary>
    public static async Task<T> WithRetryAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (NpgsqlException) when (attempt < 60)
            {
                await Task.Delay(1000);
            }
        }
    }
}
