using Npgsql;

namespace Outreach.EventSourcing.Tests.Support;

/// <summary>Straight SQL against a test database, to check what the store really wrote.</summary>
public static class Sql
{
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object?[] parameters)
    {
        var rows = await RowsAsync(connectionString, sql, parameters);
        return (T)Convert.ChangeType(rows[0][0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }
}
