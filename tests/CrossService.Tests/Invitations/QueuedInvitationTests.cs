using System.Net;
using System.Text.Json;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>POST /v1/invitations/batch and the paced sender, with pacing in milliseconds (CrossServiceFixture.InvitationSettings).</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class QueuedInvitationTests(CrossServiceFixture system)
{
    [Fact]
    public async Task A_batch_is_queued_then_sent_one_at_a_time_with_spacing_resolving_public_identifiers()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var people = Enumerable.Range(0, 5).Select(_ => InvitationSender.NewPerson()).ToList();
        var (queued, batch) = await QueueAsync(sender, people.Select(p => (object)new { public_identifier = p, message = "Hi" }));
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, batch.ToString());
        batch.GetProperty("object").GetString().ShouldBe("InvitationBatch");
        batch.GetProperty("queued").GetInt32().ShouldBe(5);
        batch.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ShouldAllBe(s => s == "queued");

        await Eventually.Async(async () => (await sender.InvitationsAsync("sent")).Count == 5, "the queue drains");
        var sent = await sender.InvitationsAsync("sent");
        sent.Select(i => i.GetProperty("public_identifier").GetString()).ShouldBe(people, ignoreOrder: true);
        sent.ShouldAllBe(i => i.GetProperty("provider_id").GetString()!.StartsWith("ACoAA"));
        var times = sent.Select(i => i.GetProperty("sent_at").GetDateTimeOffset()).Order().ToList();
        times.Zip(times.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= TimeSpan.FromMilliseconds(20), "PacingMinMs spaces the sends");
        (await SendInvitationTests.SandboxSentAsync(sender)).ShouldBe(5);
    }

    [Fact]
    public async Task Nothing_is_sent_after_the_suspension_is_consumed_and_the_rest_goes_out_after_unsuspend_and_reconnection()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 100);
        (await QueueAsync(sender, Enumerable.Range(0, 40).Select(_ => (object)new { public_identifier = InvitationSender.NewPerson() })))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Async(async () => await SentAsync(sender) >= 3, "the queue is sending");

        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "suspend", user_id = sender.SeatId })).Response.EnsureSuccessStatusCode();
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb", "SELECT status FROM seat_views WHERE seat_id = $1", sender.SeatId!) == "suspended",
            "invitation-service consumed SeatSuspended");
        var atSuspension = await SentAsync(sender);
        await Task.Delay(1000);
        (await SentAsync(sender)).ShouldBe(atSuspension, "no send after the consumer ran");
        atSuspension.ShouldBeLessThan(40);
        ((long)(await sender.InvitationsAsync("queued")).Count).ShouldBe(40 - atSuspension, "the queue is paused, not emptied");

        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "unsuspend", user_id = sender.SeatId })).Response.EnsureSuccessStatusCode();
        await sender.ConnectAsync();
        await system.ActivateSeatAsync(sender.SeatId!);

        await Eventually.Async(async () => await SentAsync(sender) == 40, "the rest is sent");
        (await SendInvitationTests.SandboxSentAsync(sender)).ShouldBe(40, "LinkedIn has each person once");
    }

    [Fact]
    public async Task Migrating_the_seat_mid_queue_re_homes_its_invitations_and_the_queue_goes_on()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 100);
        var target = await system.IssueSecondKeyAsync(sender.Key.AccountId);
        (await QueueAsync(sender, Enumerable.Range(0, 30).Select(_ => (object)new { public_identifier = InvitationSender.NewPerson() })))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Async(async () => await SentAsync(sender) >= 2, "the queue is sending");

        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "migrate", user_ids = new[] { sender.SeatId }, target_access_key = target.AccessKey }))
            .Response.EnsureSuccessStatusCode();

        var moved = system.ClientFor(CrossServiceFixture.InvitationService, target);
        await Eventually.Async(async () => (await moved.SendJsonAsync(HttpMethod.Get, $"/v1/invitations?account_id={sender.AccountId}&status=sent&limit=100")).Body
            is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("items", out var items) && items.GetArrayLength() == 30, "all 30 are sent and listed under the target key");
        var (old, _) = await sender.Invitations.SendJsonAsync(HttpMethod.Get, $"/v1/invitations?account_id={sender.AccountId}");
        old.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the account left the source key");
        (await SendInvitationTests.SandboxSentAsync(sender)).ShouldBe(30);
    }

    [Fact]
    public async Task Disconnecting_the_seat_cancels_everything_still_queued()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 100);
        (await QueueAsync(sender, Enumerable.Range(0, 100).Select(_ => (object)new { public_identifier = InvitationSender.NewPerson() })))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "disconnect", user_id = sender.SeatId })).Response.EnsureSuccessStatusCode();

        await Eventually.Async(async () => await system.QueryAsync<long>("invitationsdb",
            "SELECT count(*) FROM invitation_list WHERE identity_id = $1 AND status IN ('queued', 'sending')", sender.Login.IdentityId) == 0, "nothing is left queued");
        var cancelled = await system.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM invitation_list WHERE identity_id = $1 AND status = 'cancelled'", sender.Login.IdentityId);
        var sent = await system.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM invitation_list WHERE identity_id = $1 AND status = 'sent'", sender.Login.IdentityId);
        var others = await system.QueryAsync<string>("invitationsdb",
            "SELECT string_agg(status || ' ' || COALESCE(reason, ''), ', ') FROM invitation_list WHERE identity_id = $1 AND status NOT IN ('cancelled', 'sent')",
            sender.Login.IdentityId);
        (cancelled + sent).ShouldBe(100L, $"others: {others}");
        cancelled.ShouldBeGreaterThan(0L);
    }

    [Fact]
    public async Task A_queued_send_to_someone_already_invited_or_connected_fails_with_its_reason_and_the_rest_goes_out()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var invitedBefore = InvitationSender.NewPerson();
        await sender.InviteNewPersonAsync(invitedBefore);
        var connected = "connected-" + InvitationSender.NewPerson();
        var fresh = InvitationSender.NewPerson();

        (await QueueAsync(sender, new object[] { new { public_identifier = invitedBefore }, new { public_identifier = connected }, new { public_identifier = fresh } }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await Eventually.Async(async () => !(await sender.InvitationsAsync()).Any(i => i.GetProperty("status").GetString() is "queued" or "sending"),
            "the queue settles");
        var queued = (await sender.InvitationsAsync()).Where(i => i.TryGetProperty("batch_id", out var batch) && batch.ValueKind == JsonValueKind.String).ToList();
        string Outcome(string person) => queued.Where(i => i.GetProperty("public_identifier").GetString() == person)
            .Select(i => i.GetProperty("status").GetString() + (i.TryGetProperty("error_type", out var type) ? " " + type.GetString() : "")).ShouldHaveSingleItem();
        Outcome(invitedBefore).ShouldBe("failed errors/already_invited_recently", "our own record refuses a second invitation to the same person");
        Outcome(connected).ShouldBe("failed errors/already_connected", "LinkedIn refuses someone already connected");
        Outcome(fresh).ShouldBe("sent");
        (await SendInvitationTests.SandboxSentAsync(sender)).ShouldBe(2, "the person invited before, once, and the fresh one");
    }

    [Fact]
    public async Task A_bad_batch_names_the_offending_item_and_queues_nothing()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var cases = new (object Body, string Field)[]
        {
            (new { account_id = sender.AccountId, invitations = Array.Empty<object>() }, "invitations"),
            (new { account_id = sender.AccountId, invitations = Enumerable.Range(0, 501).Select(_ => new { public_identifier = InvitationSender.NewPerson() }) }, "invitations"),
            (new { account_id = sender.AccountId, invitations = new object[] { new { public_identifier = "a-b", provider_id = "ACoAAx" } } }, "invitations[0].provider_id"),
            (new { account_id = sender.AccountId, invitations = new object[] { new { public_identifier = "a-b" }, new { public_identifier = "c-d", message = new string('x', 301) } } }, "invitations[1].message"),
            (new { account_id = sender.AccountId, invitations = new object[] { new { public_identifier = "a-b" }, new { public_identifier = "A-B" } } }, "invitations[1].public_identifier"),
            (new { invitations = new object[] { new { public_identifier = "a-b" } } }, "account_id"),
        };
        foreach (var (body, field) in cases)
        {
            var (response, problem) = await sender.Invitations.SendJsonAsync(HttpMethod.Post, "/v1/invitations/batch", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
            problem.NamesField(field).ShouldBeTrue($"{field} in {problem}");
        }
        (await sender.InvitationsAsync()).ShouldBeEmpty();
    }

    private static Task<(HttpResponseMessage Response, JsonElement Body)> QueueAsync(InvitationSender sender, IEnumerable<object> invitations) =>
        sender.Invitations.SendJsonAsync(HttpMethod.Post, "/v1/invitations/batch", new { account_id = sender.AccountId, invitations = invitations.ToList() });

    private static async Task<long> SentAsync(InvitationSender sender) =>
        await sender.System.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM invitation_list WHERE identity_id = $1 AND status = 'sent'", sender.Login.IdentityId);
}
