using System.Net;
using System.Text.Json;
using Outreach.CrossService.Tests.Identities;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>Seed 004 through invitation-service, field for field, with the sandbox behind it.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class SendInvitationTests(CrossServiceFixture system)
{
    [Fact]
    public async Task The_documented_example_resolves_the_profile_then_sends_the_invitation()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);

        var (found, profile) = await sender.Invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/julien-crepieux?account_id={sender.AccountId}");
        found.StatusCode.ShouldBe(HttpStatusCode.OK, profile.ToString());
        profile.GetProperty("object").GetString().ShouldBe("UserProfile");
        profile.GetProperty("provider").GetString().ShouldBe("LINKEDIN");
        profile.GetProperty("public_identifier").GetString().ShouldBe("julien-crepieux");
        profile.GetProperty("first_name").GetString().ShouldBe("Julien");
        profile.GetProperty("last_name").GetString().ShouldBe("Crepieux");
        var providerId = profile.GetProperty("provider_id").GetString()!;
        providerId.ShouldStartWith("ACoAA");

        var (sent, body) = await sender.InviteAsync(providerId, "Hello\nWorld");
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("object").GetString().ShouldBe("UserInvitationSent");
        var invitationId = body.GetProperty("invitation_id").GetString()!;
        body.TryGetProperty("usage", out _).ShouldBeFalse("the first of 25 crosses no threshold");

        var (listed, list) = await sender.Invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/invite/sent?account_id={sender.AccountId}");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.GetProperty("object").GetString().ShouldBe("InvitationList");
        list.GetProperty("cursor").ValueKind.ShouldBe(JsonValueKind.Null);
        var item = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("object").GetString().ShouldBe("UserInvitation");
        item.GetProperty("id").GetString().ShouldBe(invitationId);
        item.GetProperty("invited_user_id").GetString().ShouldBe(providerId);
        item.GetProperty("invitation_text").GetString().ShouldBe("Hello\nWorld");
    }

    [Fact]
    public async Task Usage_appears_only_when_a_threshold_is_crossed_and_the_26th_send_of_the_day_is_limit_exceeded()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var usages = new Dictionary<int, int>();
        for (var n = 1; n <= 25; n++)
        {
            var (response, body) = await sender.InviteAsync(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
            if (body.TryGetProperty("usage", out var usage))
                usages[n] = usage.GetInt32();
        }

        // 25 a day: the 13th reaches 52 % (crossing 50), the 19th 76 %, the 23rd 92 %, the 24th 96 %.
        usages.ShouldBe(new Dictionary<int, int> { [13] = 52, [19] = 76, [23] = 92, [24] = 96 });
        var (refused, problem) = await sender.InviteAsync(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("type").GetString().ShouldBe("errors/limit_exceeded");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 86_400);
        (await sender.InvitationsAsync()).Count.ShouldBe(25, "the refused send stored nothing");
    }

    [Fact]
    public async Task Fifty_parallel_invites_against_a_limit_of_25_send_exactly_25()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var people = new List<string>();
        for (var i = 0; i < 50; i++)
            people.Add(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()));

        var answers = await Task.WhenAll(people.Select(async p => (await sender.InviteAsync(p)).Response.StatusCode));

        answers.Count(s => s == HttpStatusCode.OK).ShouldBe(25);
        answers.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(25);
        (await sender.InvitationsAsync("sent")).Count.ShouldBe(25);
        (await SandboxSentAsync(sender)).ShouldBe(25, "LinkedIn received exactly 25");
    }

    [Fact]
    public async Task A_seat_sends_within_its_own_daily_limit_and_seat_service_counts_each_send_once()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 2);
        await sender.InviteNewPersonAsync();
        await sender.InviteNewPersonAsync();
        var (refused, problem) = await sender.InviteAsync(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, problem.ToString());

        await Eventually.Async(async () => await DailySentCountAsync(sender) == 2, "seat-service counts both sends");
        await Task.Delay(500);
        (await DailySentCountAsync(sender)).ShouldBe(2);
    }

    [Fact]
    public async Task A_raised_daily_limit_lets_the_seat_send_again_the_same_day()
    {
        var sender = await InvitationSender.WithSeatAsync(system, dailyLimit: 1);
        await sender.InviteNewPersonAsync();
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());
        (await sender.InviteAsync(person)).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "set_daily_limit", user_id = sender.SeatId, daily_limit = 2 }))
            .Response.EnsureSuccessStatusCode();
        await Eventually.Async(async () => await system.QueryAsync<int>("invitationsdb", "SELECT daily_limit FROM seat_views WHERE seat_id = $1", sender.SeatId!) == 2,
            "invitation-service has the new limit");
        (await sender.InviteAsync(person)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sender.InviteAsync(await sender.ProviderIdOfAsync(InvitationSender.NewPerson()))).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task LinkedIn_refusals_carry_the_providers_types()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());

        await ExpectProblemAsync(sender.InviteAsync(person, new string('a', 301)), HttpStatusCode.BadRequest, "errors/too_many_characters");
        (await sender.InviteAsync(person, new string('a', 300))).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ExpectProblemAsync(sender.InviteAsync(person), (HttpStatusCode)422, "errors/already_invited_recently");

        var connected = await sender.ProviderIdOfAsync("connected-" + InvitationSender.NewPerson());
        await ExpectProblemAsync(sender.InviteAsync(connected), (HttpStatusCode)422, "errors/already_connected");
        var (listed, _) = await sender.Invitations.SendJsonAsync(HttpMethod.Get, $"/v1/invitations?account_id={sender.AccountId}&status=failed");
        listed.EnsureSuccessStatusCode();

        var notFound = await sender.Invitations.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite", new { provider_id = person, account_id = "no-such-account" });
        notFound.Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notFound.Body.GetProperty("type").GetString().ShouldBe("errors/resource_not_found");
    }

    [Fact]
    public async Task A_withdrawn_invitation_leaves_the_sent_list_and_cannot_be_resent_for_three_weeks()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());
        var (_, sent) = await sender.InviteAsync(person);
        var invitationId = sent.GetProperty("invitation_id").GetString()!;

        var (withdrawn, body) = await sender.Invitations.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/invite/sent/{invitationId}?account_id={sender.AccountId}");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("object").GetString().ShouldBe("InvitationCancelled");
        body.GetProperty("invitation_id").GetString().ShouldBe(invitationId);

        var (_, list) = await sender.Invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/invite/sent?account_id={sender.AccountId}");
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await sender.StatusOfAsync(invitationId)).ShouldBe("withdrawn");
        await ExpectProblemAsync(sender.InviteAsync(person), (HttpStatusCode)422, "errors/cannot_resend_yet");
        var again = await sender.Invitations.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/invite/sent/{invitationId}?account_id={sender.AccountId}");
        again.Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_disconnected_account_gets_401_and_sends_nothing()
    {
        var sender = await InvitationSender.WithSeatAsync(system);
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());
        (await sender.Seats.SendJsonAsync(HttpMethod.Post, InvitationSender.Manage, new { action = "suspend", user_id = sender.SeatId })).Response.EnsureSuccessStatusCode();
        await Eventually.Async(async () => await system.QueryAsync<bool>("invitationsdb",
            "SELECT NOT connected FROM sending_accounts WHERE identity_id = $1", sender.Login.IdentityId), "the logout reaches invitation-service");

        await ExpectProblemAsync(sender.InviteAsync(person), HttpStatusCode.Unauthorized, "errors/disconnected_account");
        (await sender.InvitationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_provider_that_fails_answers_503_and_nothing_is_sent_twice()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());
        await using (await SandboxFault.SetAsync(system, "500"))
        {
            var (response, problem) = await sender.InviteAsync(person);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, problem.ToString());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        // Once the provider is back the stuck send is reconciled: it was not sent, so its slot and the person are free again.
        await Eventually.Async(async () => (await sender.InvitationsAsync()).All(i => i.GetProperty("status").GetString() == "failed"), "the lost send is settled");
        (await SandboxSentAsync(sender)).ShouldBe(0);
        (await sender.InviteAsync(person)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SandboxSentAsync(sender)).ShouldBe(1);
    }

    [Fact]
    public async Task A_timeout_after_LinkedIn_accepted_the_send_is_reconciled_and_the_person_is_invited_once()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var person = await sender.ProviderIdOfAsync(InvitationSender.NewPerson());
        var started = DateTime.UtcNow;
        await using (await SandboxFault.SetAsync(system, "accept_then_timeout", forSeconds: 4))
        {
            var (response, problem) = await sender.InviteAsync(person);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, problem.ToString());
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(15), "the caller is not kept waiting beyond the provider timeouts");
            await ExpectProblemAsync(sender.InviteAsync(person), (HttpStatusCode)422, "errors/already_invited_recently");
        }

        await Eventually.Async(async () => (await sender.InvitationsAsync()).Single().GetProperty("status").GetString() == "sent", "the send is found at the provider");
        (await SandboxSentAsync(sender)).ShouldBe(1, "LinkedIn has exactly one invitation to the person");
        await ExpectProblemAsync(sender.InviteAsync(person), (HttpStatusCode)422, "errors/already_invited_recently");
    }

    [Fact]
    public async Task An_accepted_invitation_is_recorded_and_the_person_is_then_a_connection()
    {
        var sender = await InvitationSender.WithoutSeatAsync(system);
        var person = await sender.ProviderIdOfAsync("accepts-" + InvitationSender.NewPerson());
        var (_, sent) = await sender.InviteAsync(person);
        var invitationId = sent.GetProperty("invitation_id").GetString()!;

        await Eventually.Async(async () => await sender.StatusOfAsync(invitationId) == "accepted", "the acceptance is found");
        var accepted = (await sender.InvitationsAsync("accepted")).ShouldHaveSingleItem();
        accepted.GetProperty("accepted_at").ValueKind.ShouldBe(JsonValueKind.String);
        (await system.QueryAsync<long>("invitationsdb", "SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'invitation_accepted'", invitationId)).ShouldBe(1L);
        await ExpectProblemAsync(sender.InviteAsync(person), (HttpStatusCode)422, "errors/already_connected");
    }

    internal static async Task ExpectProblemAsync(Task<(HttpResponseMessage Response, JsonElement Body)> call, HttpStatusCode status, string type)
    {
        var (response, body) = await call;
        response.StatusCode.ShouldBe(status, body.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.GetProperty("type").GetString().ShouldBe(type);
    }

    /// <summary>The invitations pending at LinkedIn for this account, asked of the sandbox itself.</summary>
    internal static async Task<int> SandboxSentAsync(InvitationSender sender)
    {
        var (response, body) = await sender.System.Client(CrossServiceFixture.LinkedInSandbox)
            .SendJsonAsync(HttpMethod.Get, $"/api/v1/users/invite/sent?account_id={sender.AccountId}&limit=100");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("items").GetArrayLength();
    }

    private static async Task<int> DailySentCountAsync(InvitationSender sender)
    {
        var (_, list) = await sender.Seats.SendJsonAsync(HttpMethod.Get, "/user-list");
        return list.GetProperty("users")[0].GetProperty("daily_sent_count").GetInt32();
    }
}

/// <summary>A sandbox fault in force until disposed (or for its seconds).</summary>
public sealed class SandboxFault(HttpClient sandbox) : IAsyncDisposable
{
    public static async Task<SandboxFault> SetAsync(CrossServiceFixture system, string mode, int forSeconds = 0)
    {
        var sandbox = system.Client(CrossServiceFixture.LinkedInSandbox);
        var (response, body) = await sandbox.SendJsonAsync(HttpMethod.Post, "/api/v1/sandbox/faults", new { mode, for_seconds = forSeconds });
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        return new SandboxFault(sandbox);
    }

    public async ValueTask DisposeAsync() =>
        (await sandbox.SendJsonAsync(HttpMethod.Post, "/api/v1/sandbox/faults", new { mode = "none" })).Response.EnsureSuccessStatusCode();
}
