using System.Text;
using Outreach.Contracts;
using Outreach.SecretScan.Tests.Scan;
using Outreach.SecretScan.Tests.Scenario;
using Outreach.Testing;
using Shouldly;

namespace Outreach.SecretScan.Tests;

/// <summary>
/// The scan's zero means something only if it finds a secret that is there. These plant known values the way a bug
/// would leave them and expect the scan to report each place, kind and encoding.
/// </summary>
[Collection(ScanSuite.Name)]
public sealed class PlantedSecretTests(ScanFixture system)
{
    [Fact]
    public async Task A_value_in_a_forged_message_is_found_on_the_broker_in_the_console_and_in_the_dashboards_logs()
    {
        var planted = new KnownSecret("planted", "planted-" + Guid.NewGuid().ToString("N"));
        var seatId = "seat_planted_" + Guid.NewGuid().ToString("N")[..12];
        // invitation-service logs the account a forged seat message names when it differs from the seat's own, so a
        // seat it knows must exist first: the first message introduces it, the second names another account.
        var broker = await system.BrokerAsync();
        await BrokerClient.PublishAsync(broker, new SeatAdded(seatId, "account_owner", "key_owner", 10, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.Async(async () => await system.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM seat_views WHERE seat_id = $1", seatId) == 1, "invitation-service knows the planted seat");
        await BrokerClient.PublishAsync(broker, new SeatAdded(seatId, planted.Value, "key_other", 10, DateTimeOffset.UtcNow), Guid.NewGuid());
        await system.Firehose.WaitForAsync(m => m.Contains(planted.Value, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await Eventually.Async(async () =>
        {
            var report = await system.ScanEverywhereAsync([planted]);
            return report.HitsIn("console invitation-service", "planted") > 0 && report.HitsIn("dashboard structured logs", "planted") > 0;
        }, "the forged message was logged");

        var found = await system.ScanEverywhereAsync([planted]);
        found.HitsIn("broker messages", "planted").ShouldBeGreaterThan(0);
        found.HitsIn("console invitation-service", "planted").ShouldBeGreaterThan(0);
        found.HitsIn("dashboard structured logs", "planted").ShouldBeGreaterThan(0);
        found.Hits.ShouldAllBe(hit => hit.Contains("planted [as-is]"));
    }

    [Fact]
    public async Task A_value_in_a_table_is_found_as_is_hex_base64_and_url_encoded()
    {
        var planted = new KnownSecret("planted", "planted key/" + Guid.NewGuid().ToString("N") + "+=");
        var bytes = Encoding.UTF8.GetBytes(planted.Value);
        await using (var db = Npgsql.NpgsqlDataSource.Create(system.ConnectionString("seatsdb")))
        {
            await using var create = db.CreateCommand("CREATE TABLE IF NOT EXISTS scan_canary (plain text, blob bytea, base64 text, base64_shifted text, url text)");
            await create.ExecuteNonQueryAsync();
            await using var insert = db.CreateCommand("INSERT INTO scan_canary VALUES ($1, $2, $3, $4, $5)");
            insert.Parameters.AddWithValue("row of " + planted.Value + " inside");
            insert.Parameters.AddWithValue(bytes);
            insert.Parameters.AddWithValue(Convert.ToBase64String(bytes));
            // The value two bytes into a longer blob: its base64 shares no prefix with the value's own.
            insert.Parameters.AddWithValue(Convert.ToBase64String([.. "{\""u8, .. bytes, .. "\"}"u8]));
            insert.Parameters.AddWithValue("https://example.com/?next=" + Uri.EscapeDataString(planted.Value));
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            var found = await system.ScanEverywhereAsync([planted]);
            found.Hits.Where(h => !h.StartsWith("db seatsdb public.scan_canary", StringComparison.Ordinal)).ShouldBeEmpty();
            found.Hits.Count.ShouldBe(4, string.Join("\n", found.Hits));
            foreach (var encoding in new[] { "[as-is]", "[hex]", "[base64]", "[url-encoded]" })
                found.Hits.ShouldContain(h => h.Contains(encoding, StringComparison.Ordinal), encoding);
            found.Places.Single(p => p.Name == "db seatsdb public.scan_canary").Hits.Values.Sum().ShouldBeGreaterThanOrEqualTo(5);
        }
        finally
        {
            await using var db = Npgsql.NpgsqlDataSource.Create(system.ConnectionString("seatsdb"));
            await using var drop = db.CreateCommand("DROP TABLE scan_canary");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
