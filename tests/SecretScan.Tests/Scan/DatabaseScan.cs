using Npgsql;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// Every row of every table of one database as PostgreSQL prints it (<c>t::text</c>: jsonb as JSON, bytea as hex),
/// the event log and the deletable key tables included. Each table is a place of its own, so a hit names it.
/// </summary>
public static class DatabaseScan
{
    public static async Task RunAsync(ScanReport report, string database, string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = db.CreateCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        if (tables.Count == 0)
            throw new InvalidOperationException($"{database} has no tables: the scan would prove nothing.");

        foreach (var table in tables)
        {
            var place = $"db {database} {table}";
            report.Touch(place);
            await using var rows = db.CreateCommand($"SELECT t::text FROM {table} t");
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                report.Scan(place, reader.GetString(0));
        }
    }
}
