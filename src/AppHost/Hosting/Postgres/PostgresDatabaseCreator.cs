using Npgsql;

namespace Outreach.AppHost.Hosting.Postgres;

/// <summary>Creates databases that do not exist yet; existing ones and their data are left as they are.</summary>
public static class PostgresDatabaseCreator
{
    public static async Task EnsureCreatedAsync(PostgresServerResource server, IEnumerable<string> databaseNames, CancellationToken cancellationToken)
    {
        var names = databaseNames.ToList();
        if (names.Count == 0)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server.GetConnectionString())
        {
            Pooling = false,
        };
        if (!server.IsExternal)
        {
            connectionString.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var name in names)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                continue;
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another caller created it between our check and our CREATE: that is what we wanted.
            }
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
