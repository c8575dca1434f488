using System.Globalization;
using System.Net;
using System.Text.Json;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

[Collection(InvitationSandboxGroup.Name)]
public sealed class SentInvitationsTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task The_sent_list_shows_a_pending_invitation_field_for_field()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var person = $"julien-crepieux-1{Guid.NewGuid().ToString("N")[..6]}";
        var providerId = await client.ProviderIdAsync(sender, person);
        var before = DateTimeOffset.UtcNow;
        var invitationId = (await client.InviteAsync(sender, providerId, "Hello Julien")).Str("invitation_id");

        var list = await client.SentAsync(sender);

        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Str("object").ShouldBe("InvitationList");
        list.Body.GetProperty("cursor").ValueKind.ShouldBe(JsonValueKind.Null);
        var item = list.Body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["object", "id", "date", "invited_user", "invited_user_id", "invited_user_public_id", "invitation_text"], ignoreOrder: true);
        item.GetProperty("object").GetString().ShouldBe("UserInvitation");
        item.GetProperty("id").GetString().ShouldBe(invitationId);
        item.GetProperty("invited_user").GetString().ShouldBe("Julien Crepieux");
        item.GetProperty("invited_user_id").GetString().ShouldBe(providerId);
        item.GetProperty("invited_user_public_id").GetString().ShouldBe(person);
        item.GetProperty("invitation_text").GetString().ShouldBe("Hello Julien");
        var date = item.GetProperty("date").GetString()!;
        date.ShouldEndWith("Z");
        DateTimeOffset.Parse(date, CultureInfo.InvariantCulture).ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Without_a_message_the_invitation_text_is_empty_and_every_login_of_the_member_sees_it()
    {
        using var client = sandbox.Client();
        var username = InvitationCalls.Member();
        var (first, _) = await client.ConnectedAsync(username);
        var (second, _) = await client.ConnectedAsync(username);
        await client.LookUpAndInviteAsync(first, InvitationCalls.Person());

        var item = (await client.SentAsync(second)).Body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();

        item.GetProperty("invitation_text").GetString().ShouldBe("");
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor_that_is_null_on_the_last_page()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await client.LookUpAndInviteAsync(sender, InvitationCalls.Person())).Str("invitation_id"));

        var first = await client.SentAsync(sender, "limit=2");
        var second = await client.SentAsync(sender, $"limit=2&cursor={Uri.EscapeDataString(first.Str("cursor"))}");

        Ids(first).ShouldBe([ids[2], ids[1]]);
        Ids(second).ShouldBe([ids[0]]);
        second.Body.GetProperty("cursor").ValueKind.ShouldBe(JsonValueKind.Null);
        Ids(await client.SentAsync(sender)).ShouldBe([ids[2], ids[1], ids[0]]);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("cursor=not-a-cursor")]
    public async Task A_bad_limit_or_cursor_is_invalid_parameters(string query)
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());

        var sent = await client.SentAsync(sender, query);
        var relations = await client.RelationsAsync(sender, query);

        sent.Status.ShouldBe(HttpStatusCode.BadRequest);
        sent.ErrorType.ShouldBe("errors/invalid_parameters");
        relations.Status.ShouldBe(HttpStatusCode.BadRequest);
        relations.ErrorType.ShouldBe("errors/invalid_parameters");
    }

    [Fact]
    public async Task The_lists_refuse_a_missing_unknown_or_disconnected_account()
    {
        using var client = sandbox.Client();
        var (revoked, _) = await client.ConnectedAsync(InvitationCalls.Member());
        await client.RevokeAsync(revoked);

        (await client.SentAsync(null)).ErrorType.ShouldBe("errors/invalid_parameters");
        (await client.SentAsync("no-such-account")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.SentAsync(revoked)).ErrorType.ShouldBe("errors/disconnected_account");
        (await client.RelationsAsync(null)).ErrorType.ShouldBe("errors/invalid_parameters");
        (await client.RelationsAsync("no-such-account")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.RelationsAsync(revoked)).ErrorType.ShouldBe("errors/disconnected_account");
        (await client.WithdrawAsync("no-such-account", "7000000000000000000")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.WithdrawAsync(revoked, "7000000000000000000")).ErrorType.ShouldBe("errors/disconnected_account");
    }

    private static List<string> Ids(Reply list) =>
        list.Body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();
}
