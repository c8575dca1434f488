using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Outreach.ServiceDefaults.Tests.Support;
using Outreach.Testing;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Npgsql;

/// <summary>
/// A burst must queue inside the service, not open a server backend per request: three services with their replicas
/// at Npgsql's default of 100 each exceed PostgreSQL's max_connections, and then the server refuses everyone.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class ConnectionBudgetTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_burst_of_60_concurrent_queries_opens_no_more_server_connections_than_the_configured_pool()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/hold", async (NpgsqlDataSource db) =>
            {
                await using var command = db.CreateCommand("SELECT pg_sleep(0.3)");
                await command.ExecuteScalarAsync();
                return Results.Ok();
            }),
            builder => builder.AddNpgsqlDataSource("sampledb"),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:sampledb"] = connectionString,
                ["Npgsql:MaxPoolSize"] = "5",
                // This measures the cap, not the wait: 60 × 0.3 s through 5 connections queue for 3.6 s, past the
                // default 2 s connection timeout (after which the last ones would rightly answer 503).
                ["Npgsql:TimeoutSeconds"] = "15",
            });

        var burst = Enumerable.Range(0, 60).Select(_ => app.Client.GetAsync(new Uri("/hold", UriKind.Relative))).ToList();
        var peak = 0;
        await using (var observer = new NpgsqlConnection(connectionString))
        {
            await observer.OpenAsync();
            while (!burst.All(t => t.IsCompleted))
            {
                await using var count = new NpgsqlCommand(
                    "SELECT count(*)::int FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", observer);
                count.Parameters.AddWithValue(database);
                peak = Math.Max(peak, (int)(await count.ExecuteScalarAsync())!);
                await Task.Delay(20);
            }
        }

        var responses = await Task.WhenAll(burst);
        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        peak.ShouldBeGreaterThan(1);
        peak.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public void A_pool_size_written_in_the_connection_string_wins_over_the_default_cap()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:sampledb"] = "Host=127.0.0.1;Username=u;Password=p;Database=d;Maximum Pool Size=7";
        builder.AddNpgsqlDataSource("sampledb");
        using var host = builder.Build();

        var pool = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        pool.MaxPoolSize.ShouldBe(7);
    }

    [Fact]
    public void Without_a_setting_the_pool_is_capped_well_below_npgsqls_default_of_100()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:sampledb"] = "Host=127.0.0.1;Username=u;Password=p;Database=d";
        builder.AddNpgsqlDataSource("sampledb");
        using var host = builder.Build();

        var pool = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        pool.MaxPoolSize.ShouldBe(NpgsqlDataSourceExtensions.DefaultMaxPoolSize);
        pool.MaxPoolSize.ShouldBeLessThanOrEqualTo(32);
    }

    [Fact]
    public void Without_a_setting_database_calls_get_request_sized_timeouts_and_a_connection_string_that_names_them_keeps_its_own()
    {
        static NpgsqlConnectionStringBuilder Configured(string connectionString)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration["ConnectionStrings:sampledb"] = connectionString;
            builder.AddNpgsqlDataSource("sampledb");
            using var host = builder.Build();
            return new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        }

        var defaults = Configured("Host=127.0.0.1;Username=u;Password=p;Database=d");
        var named = Configured("Host=127.0.0.1;Username=u;Password=p;Database=d;Timeout=20;Command Timeout=60");

        // Npgsql's own defaults are 15 s and 30 s, which let a hung server hold a request for a minute.
        defaults.Timeout.ShouldBe(NpgsqlDataSourceExtensions.DefaultTimeoutSeconds);
        defaults.CommandTimeout.ShouldBe(NpgsqlDataSourceExtensions.DefaultCommandTimeoutSeconds);
        (defaults.CommandTimeout + defaults.Timeout).ShouldBeLessThanOrEqualTo(8, "a database call on a hung server ends within the request deadline");
        named.Timeout.ShouldBe(20);
        named.CommandTimeout.ShouldBe(60);
    }
}
