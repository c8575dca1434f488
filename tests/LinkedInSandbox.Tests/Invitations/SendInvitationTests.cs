using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

[Collection(InvitationSandboxGroup.Name)]
public sealed class SendInvitationTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task An_invitation_to_a_shown_profile_is_sent_with_a_numeric_id_and_no_usage_below_half_the_weekly_limit()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var providerId = await client.ProviderIdAsync(sender, InvitationCalls.Person());

        var sent = await client.InviteAsync(sender, providerId, "Hello\nWorld");

        sent.Status.ShouldBe(HttpStatusCode.Created);
        sent.Str("object").ShouldBe("UserInvitationSent");
        sent.Str("invitation_id").Length.ShouldBe(19);
        sent.Str("invitation_id").ShouldAllBe(c => char.IsAsciiDigit(c));
        sent.Has("usage").ShouldBeFalse();
        sent.Body.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "invitation_id"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_missing_account_id_or_provider_id_is_invalid_parameters()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var providerId = await client.ProviderIdAsync(sender, InvitationCalls.Person());

        var noAccount = await client.InviteAsync(null, providerId);
        var noRecipient = await client.InviteAsync(sender, null);

        noAccount.Status.ShouldBe(HttpStatusCode.BadRequest);
        noAccount.ErrorType.ShouldBe("errors/invalid_parameters");
        noRecipient.Status.ShouldBe(HttpStatusCode.BadRequest);
        noRecipient.ErrorType.ShouldBe("errors/invalid_parameters");
    }

    [Fact]
    public async Task An_unknown_account_is_not_found_and_a_disconnected_one_is_refused()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var providerId = await client.ProviderIdAsync(sender, InvitationCalls.Person());
        await client.RevokeAsync(sender);

        var unknown = await client.InviteAsync("no-such-account", providerId);
        var disconnected = await client.InviteAsync(sender, providerId);

        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.ErrorType.ShouldBe("errors/resource_not_found");
        disconnected.Status.ShouldBe(HttpStatusCode.Unauthorized);
        disconnected.ErrorType.ShouldBe("errors/disconnected_account");
    }

    [Fact]
    public async Task Only_a_provider_id_this_member_was_shown_names_a_recipient()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var (other, _) = await client.ConnectedAsync(InvitationCalls.Member());
        var shownToOther = await client.ProviderIdAsync(other, InvitationCalls.Person());

        var foreign = await client.InviteAsync(sender, shownToOther);
        var invented = await client.InviteAsync(sender, "ACoAA" + new string('x', 34));

        foreign.Status.ShouldBe(HttpStatusCode.NotFound);
        foreign.ErrorType.ShouldBe("errors/resource_not_found");
        invented.Status.ShouldBe(HttpStatusCode.NotFound);
        invented.ErrorType.ShouldBe("errors/resource_not_found");
    }

    [Fact]
    public async Task A_message_may_have_300_characters_but_not_301()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());

        var tooLong = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person(), new string('a', 301));
        var longest = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person(), new string('a', 300));

        tooLong.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooLong.ErrorType.ShouldBe("errors/too_many_characters");
        longest.Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_free_account_logs_in_directly_and_its_messages_may_have_200_characters_but_not_201()
    {
        using var client = sandbox.Client();
        var login = await client.ConnectAsync(InvitationCalls.Member("free"));
        login.Status.ShouldBe(HttpStatusCode.Created);
        var sender = login.Str("account_id");

        var tooLong = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person(), new string('a', 201));
        var longest = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person(), new string('a', 200));

        tooLong.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooLong.ErrorType.ShouldBe("errors/too_many_characters");
        longest.Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_connected_tagged_person_is_already_connected()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());

        var refused = await client.LookUpAndInviteAsync(sender, InvitationCalls.Person("connected-"));

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.ErrorType.ShouldBe("errors/already_connected");
    }

    [Fact]
    public async Task A_pending_invitation_is_already_invited_recently_even_from_another_login_of_the_same_member()
    {
        using var client = sandbox.Client();
        var username = InvitationCalls.Member();
        var (first, _) = await client.ConnectedAsync(username);
        var (second, _) = await client.ConnectedAsync(username);
        var person = InvitationCalls.Person();
        (await client.LookUpAndInviteAsync(first, person)).Status.ShouldBe(HttpStatusCode.Created);

        var again = await client.LookUpAndInviteAsync(first, person);
        var fromTheOtherLogin = await client.LookUpAndInviteAsync(second, person);

        again.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        again.ErrorType.ShouldBe("errors/already_invited_recently");
        fromTheOtherLogin.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        fromTheOtherLogin.ErrorType.ShouldBe("errors/already_invited_recently");
    }
}
