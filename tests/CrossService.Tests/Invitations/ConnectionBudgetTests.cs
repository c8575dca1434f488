using System.Diagnostics;
using System.Net;
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
}
