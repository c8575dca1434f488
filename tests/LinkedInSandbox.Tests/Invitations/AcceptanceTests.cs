using System.Globalization;
using System.Net;
using System.Text.Json;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Invitations;

[Collection(InvitationSandboxGroup.Name)]
public sealed class AcceptanceTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task An_accepts_tagged_person_accepts_after_the_delay_leaves_the_sent_list_joins_the_relations_and_is_then_already_connected()
    {
        using var client = sandbox.Client();
        var username = InvitationCalls.Member();
        var (sender, _) = await client.ConnectedAsync(username);
        var person = $"accepts-marie-curie-1{Guid.NewGuid().ToString("N")[..6]}";
        var providerId = await client.ProviderIdAsync(sender, person);
        var sentAt = DateTimeOffset.UtcNow;
        var invitationId = (await client.InviteAsync(sender, providerId)).Str("invitation_id");
        (await client.RelationsAsync(sender)).Body.GetProperty("items").GetArrayLength().ShouldBe(0);

        await Eventually.HoldsAsync(async () => (await client.RelationsAsync(sender)).Body.GetProperty("items").GetArrayLength() == 1,
            TimeSpan.FromSeconds(10), "the invitation is accepted");

        var relations = await client.RelationsAsync(sender);
        relations.Str("object").ShouldBe("UserRelationsList");
        relations.Body.GetProperty("cursor").ValueKind.ShouldBe(JsonValueKind.Null);
        var relation = relations.Body.GetProperty("items")[0];
        relation.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["object", "member_id", "public_identifier", "first_name", "last_name", "created_at"], ignoreOrder: true);
        relation.GetProperty("object").GetString().ShouldBe("UserRelation");
        relation.GetProperty("member_id").GetString().ShouldBe(providerId);
        relation.GetProperty("public_identifier").GetString().ShouldBe(person);
        relation.GetProperty("first_name").GetString().ShouldBe("Accepts");
        relation.GetProperty("last_name").GetString().ShouldBe("Marie Curie");
        var createdAt = DateTimeOffset.Parse(relation.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
        createdAt.ShouldBeGreaterThanOrEqualTo(sentAt + InvitationSandbox.AcceptanceDelay - TimeSpan.FromMilliseconds(50));

        (await client.SentAsync(sender)).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.WithdrawAsync(sender, invitationId)).Status.ShouldBe(HttpStatusCode.NotFound);
        var again = await client.InviteAsync(sender, providerId);
        again.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        again.ErrorType.ShouldBe("errors/already_connected");
        // Another login of the same member has the same relation.
        var (otherLogin, _) = await client.ConnectedAsync(username);
        (await client.RelationsAsync(otherLogin)).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task With_an_acceptance_rate_of_zero_an_untagged_person_never_accepts()
    {
        using var client = sandbox.Client();
        var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
        await client.LookUpAndInviteAsync(sender, InvitationCalls.Person());

        await Task.Delay(InvitationSandbox.AcceptanceDelay * 12);

        (await client.RelationsAsync(sender)).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.SentAsync(sender)).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
    }
}
