using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>
/// Applies missing migrations (the store's, then the service's) in one transaction under an advisory lock, so
/// concurrent startups serialise and the later ones find nothing to do. Never drops or rebuilds anything.
/// </summary>
internal sealed class SchemaMigrator(NpgsqlDataSource dataSource, IReadOnlyCollection<Migration> serviceSteps, ILogger logger)
{
    private static readonly long LockKey = LockKeys.For("migrations", "schema");

    public async Task<int> ApplyAsync(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var transaction = await connection.BeginTransactionAsync(token);

        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock($1)", token, LockKey);
        await Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                scope text NOT NULL,
                version int NOT NULL,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (scope, version))
            """, token);

        var applied = new HashSet<(string, int)>();
        await using (var command = new NpgsqlCommand("SELECT scope, version FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(token))
        {
            while (await reader.ReadAsync(token))
                applied.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        var count = 0;
        foreach (var step in StoreMigrations.Steps.Concat(serviceSteps))
        {
            if (applied.Contains((step.Scope, step.Version)))
                continue;
            logger.LogInformation("Applying migration {Scope} {Version} {Name}", step.Scope, step.Version, step.Name);
            await Execute(connection, transaction, step.Sql, token);
            await Execute(connection, transaction,
                "INSERT INTO schema_migrations (scope, version, name) VALUES ($1, $2, $3)", token, step.Scope, step.Version, step.Name);
            count++;
        }

        await transaction.CommitAsync(token);
        return count;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken token, params object[] parameters)
    {
        // No command timeout: DDL on a large table, or the wait for another replica's migration, may take minutes, far
        // past the pool's request-sized default; the host's start token bounds it.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync(token);
    }
}
