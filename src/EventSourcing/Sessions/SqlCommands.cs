using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>Commands with positional parameters ($1, $2…); null becomes SQL NULL.</summary>
internal static class SqlCommands
{
    public static NpgsqlCommand Create(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<object?> parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(Parameter(value));
        return command;
    }

    public static NpgsqlBatchCommand CreateBatchCommand(string sql, IReadOnlyList<object?> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => new() { Value = value ?? DBNull.Value };
}
