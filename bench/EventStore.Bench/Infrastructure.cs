using Npgsql;
using Outreach.Testing;

namespace Outreach.EventStore.Bench;

/// <summary>
/// The servers to measure against: given on the command line (--postgres "Host=…;Database=postgres", --rabbitmq
/// amqp://…), or started privately through the AppHost hosting code (the test fixture) and removed afterwards.
/// </summary>
internal sealed class Infrastructure : IAsyncDisposable
{
    private readonly InfrastructureFixture? _fixture;
    private readonly string? _adminConnectionString;

    private Infrastructure(InfrastructureFixture? fixture, string? adminConnectionString, string rabbitMq)
    {
        _fixture = fixture;
        _adminConnectionString = adminConnectionString;
        RabbitMqConnectionString = rabbitMq;
    }

    public string RabbitMqConnectionString { get; }

    public string Description => _fixture is null ? "given servers" : "private PostgreSQL and RabbitMQ started by the AppHost hosting code";

    public static async Task<Infrastructure> StartAsync(string? postgres, string? rabbitMq)
    {
        if (postgres is not null && rabbitMq is not null)
            return new Infrastructure(null, postgres, rabbitMq);
        var fixture = new InfrastructureFixture();
        await fixture.InitializeAsync();
        return new Infrastructure(fixture, postgres, rabbitMq ?? fixture.RabbitMqConnectionString);
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (_adminConnectionString is null)
            return await _fixture!.CreateDatabaseAsync(name);
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
            await _fixture.DisposeAsync();
    }
}
