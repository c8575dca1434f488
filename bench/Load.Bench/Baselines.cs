using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.Load.Bench;

/// <summary>
/// The ceilings the routes are held to, served by a Kestrel app in the harness's process on loopback (slim builder,
/// no logging), measured at the same concurrency in the same run:
/// GET /bare answers a small JSON body and touches nothing (the HTTP ceiling);
/// POST /insert runs one raw INSERT transaction on the system's PostgreSQL, in a database of its own (the write ceiling).
/// </summary>
internal sealed class Baselines : IAsyncDisposable
{
    public const string Bare = "baseline: bare endpoint";
    public const string Insert = "baseline: raw INSERT transaction";
    public const string Broker = "baseline: MassTransit publish → consume";

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _database;

    private Baselines(WebApplication app, NpgsqlDataSource database)
    {
        _app = app;
        _database = database;
        Client = new ServiceClient("baselines", [new Uri(app.Urls.First())]);
    }

    public ServiceClient Client { get; }

    public static async Task<Baselines> StartAsync(LoadSystem system)
    {
        var server = system.ConnectionString("postgres");
        await using (var admin = NpgsqlDataSource.Create(server + ";Database=postgres"))
        {
            await using var exists = admin.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = 'loadbaseline'");
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await using var create = admin.CreateCommand("CREATE DATABASE loadbaseline");
                await create.ExecuteNonQueryAsync();
            }
        }
        var database = NpgsqlDataSource.Create(server + ";Database=loadbaseline");
        await using (var table = database.CreateCommand("CREATE TABLE IF NOT EXISTS baseline_rows (id bigserial PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())"))
            await table.ExecuteNonQueryAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(database);
        var app = builder.Build();
        app.MapGet("/bare", () => Results.Json(new { users = Array.Empty<object>() }));
        app.MapPost("/insert", async (NpgsqlDataSource db) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO baseline_rows (body) VALUES ($1::jsonb) RETURNING id", connection, transaction);
            insert.Parameters.AddWithValue("{\"action\":\"add\",\"daily_limit\":25}");
            var id = (long)(await insert.ExecuteScalarAsync())!;
            await transaction.CommitAsync();
            return Results.Json(new { id }, statusCode: 201);
        });
        await app.StartAsync();
        return new Baselines(app, database);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
