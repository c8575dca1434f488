using Npgsql;

namespace Outreach.EventSourcing;

/// <summary>The open transaction a projection or subscription writes in; whatever it writes commits with the event log's bookkeeping.</summary>
public class SqlContext
{
    internal SqlContext(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        Connection = connection;
        Transaction = transaction;
        CancellationToken = cancellationToken;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Runs a statement in the transaction; <c>$1, $2…</c> bind <paramref name="parameters"/>. Returns rows affected.</summary>
    public virtual async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var command = SqlCommands.Create(sql, Connection, Transaction, parameters);
        return await command.ExecuteNonQueryAsync(CancellationToken);
    }

    /// <summary>A command enlisted in the transaction, for reads or anything ExecuteAsync does not cover.</summary>
    public NpgsqlCommand CreateCommand(string sql, params object?[] parameters) =>
        SqlCommands.Create(sql, Connection, Transaction, parameters);
}
