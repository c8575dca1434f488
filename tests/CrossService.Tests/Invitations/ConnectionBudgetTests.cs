using System.Diagnostics;
using System.Net;
using Outreach.AppHost.Testing;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>
/// A send holds its sender's gate (a pooled connection with an advisory lock) and needs a second connection for its
/// reads and commits. With more senders sending at once than the pool has connections, every gate could hold a
/// connection while waiting for another: nobody progresses until the pool wait times out. invitation-service runs
/// here with a pool of 8.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class ConnectionBudgetTests(CrossServiceFixture system)
{
    [Fact]
    public async Task Twenty_senders_inviting_at_once_through_a_pool_of_eight_all_get_their_invitation_sent_promptly()
    {
        var senders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => InvitationSender.WithoutSeatAsync(system)));
        var recipients = await Task.WhenAll(senders.Select(s => s.ProviderIdOfAsync(InvitationSender.NewPerson())));

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(senders.Select((s, i) => s.InviteAsync(recipients[i])));
        clock.Stop();

        answers.ShouldAllBe(a => a.Response.StatusCode == HttpStatusCode.OK, string.Join("\n", answers.Select(a => $"{(int)a.Response.StatusCode} {a.Body}")));
        // Well under Npgsql's 15 s pool wait: nothing waited for a connection held by a waiter.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Twenty_senders_inviting_at_once_open_no_more_database_connections_than_the_services_pool_of_eight()
    {
        var senders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => InvitationSender.WithoutSeatAsync(system)));
        var recipients = await Task.WhenAll(senders.Select(s => s.ProviderIdOfAsync(InvitationSender.NewPerson())));
        var connectionString = await system.App.GetConnectionStringAsync("invitationsdb")
            ?? throw new InvalidOperationException("invitationsdb has no connection string.");
        await using var observer = new Npgsql.NpgsqlConnection(connectionString);
        await observer.OpenAsync();

        var burst = Task.WhenAll(senders.Select((s, i) => s.InviteAsync(recipients[i])));
        var peak = 0;
        while (!burst.IsCompleted)
        {
            await using var count = new Npgsql.NpgsqlCommand(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", observer);
            peak = Math.Max(peak, (int)(await count.ExecuteScalarAsync())!);
            await Task.Delay(10);
        }
        var answers = await burst;

        answers.ShouldAllBe(a => a.Response.StatusCode == HttpStatusCode.OK, string.Join("\n", answers.Select(a => $"{(int)a.Response.StatusCode} {a.Body}")));
        // One pool per process, the budget the service was given (Npgsql__MaxPoolSize=8): the event store, the sender
        // gates, the idempotency keys and the health check all draw from it.
        peak.ShouldBeLessThanOrEqualTo(8);
    }
}
