namespace Outreach.EventSourcing.Tests.Domain;

/// <summary>An inline projection into a plain table; the table name is a parameter so two copies can be compared.</summary>
public sealed class AccountBalances : EventProjection
{
    private readonly string _table;

    public AccountBalances(string table = "account_balances")
    {
        _table = table;
        Name = table;
    }

    /// <summary>Called after every applied event (tests use it to interrupt a rebuild at a chosen point).</summary>
    public Action? AfterApply { get; set; }

    public static string CreateTableSql(string table) => $"""
        CREATE TABLE {table} (
            account_id text PRIMARY KEY,
            owner text NOT NULL,
            balance numeric NOT NULL,
            events int NOT NULL,
            last_sequence bigint NOT NULL)
        """;

    public async Task Project(AccountOpened e, ProjectionContext ctx)
    {
        await ctx.ExecuteAsync($"INSERT INTO {_table} (account_id, owner, balance, events, last_sequence) VALUES ($1, $2, 0, 1, $3)",
            e.AccountId, e.Owner, ctx.Event.Sequence);
        AfterApply?.Invoke();
    }

    public Task Project(MoneyDeposited e, ProjectionContext ctx) => Change(ctx, e.AccountId, e.Amount);

    public Task Project(MoneyWithdrawn e, ProjectionContext ctx) => Change(ctx, e.AccountId, -e.Amount);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync($"TRUNCATE {_table}");

    private async Task Change(ProjectionContext ctx, string accountId, decimal amount)
    {
        var rows = await ctx.ExecuteAsync($"UPDATE {_table} SET balance = balance + $2, events = events + 1, last_sequence = $3 WHERE account_id = $1",
            accountId, amount, ctx.Event.Sequence);
        if (rows != 1)
            throw new InvalidOperationException($"No row for account {accountId} in {_table}.");
        AfterApply?.Invoke();
    }
}
