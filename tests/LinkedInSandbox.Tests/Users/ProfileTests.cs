using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Users;

[Collection(SharedSandboxGroup.Name)]
public sealed class ProfileTests(SharedSandbox sandbox)
{
    [Fact]
    public async Task A_profile_is_named_from_its_public_identifier_and_the_same_every_time()
    {
        using var client = sandbox.Client();
        var (viewer, _) = await client.ConnectedAsync("viewer.one@example.com");

        var profile = await client.ProfileAsync("julien-crepieux", viewer);
        var again = await client.ProfileAsync("julien-crepieux", viewer);

        profile.Status.ShouldBe(HttpStatusCode.OK);
        profile.Str("object").ShouldBe("UserProfile");
        profile.Str("provider").ShouldBe("LINKEDIN");
        profile.Str("public_identifier").ShouldBe("julien-crepieux");
        profile.Str("first_name").ShouldBe("Julien");
        profile.Str("last_name").ShouldBe("Crepieux");
        profile.Str("headline").ShouldNotBeNullOrWhiteSpace();
        profile.Str("location").ShouldNotBeNullOrWhiteSpace();
        profile.Str("provider_id").ShouldStartWith("ACoAA");
        profile.Str("provider_id").Length.ShouldBe(39);
        again.Body.ToString().ShouldBe(profile.Body.ToString());
    }

    [Fact]
    public async Task The_provider_id_is_scoped_to_the_viewer_and_stable_across_its_logins()
    {
        using var client = sandbox.Client();
        var (first, _) = await client.ConnectedAsync("viewer.one@example.com");
        var (firstAgain, _) = await client.ConnectedAsync("viewer.one@example.com");
        var (second, _) = await client.ConnectedAsync("viewer.two@example.com");

        var seenByFirst = (await client.ProfileAsync("julien-crepieux", first)).Str("provider_id");

        (await client.ProfileAsync("julien-crepieux", firstAgain)).Str("provider_id").ShouldBe(seenByFirst);
        (await client.ProfileAsync("julien-crepieux", second)).Str("provider_id").ShouldNotBe(seenByFirst);
        (await client.ProfileAsync("someone-else", first)).Str("provider_id").ShouldNotBe(seenByFirst);
    }

    [Fact]
    public async Task A_profile_can_be_fetched_by_the_provider_id_its_viewer_was_shown_but_not_by_another_viewer()
    {
        using var client = sandbox.Client();
        var (viewer, _) = await client.ConnectedAsync("viewer.one@example.com");
        var (other, _) = await client.ConnectedAsync("viewer.two@example.com");
        var providerId = (await client.ProfileAsync("marie-curie-1a2b3c", viewer)).Str("provider_id");

        var byId = await client.ProfileAsync(providerId, viewer);

        byId.Status.ShouldBe(HttpStatusCode.OK);
        byId.Str("public_identifier").ShouldBe("marie-curie-1a2b3c");
        byId.Str("first_name").ShouldBe("Marie");
        byId.Str("last_name").ShouldBe("Curie");
        (await client.ProfileAsync(providerId, other)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_member_is_not_found()
    {
        using var client = sandbox.Client();
        var (viewer, _) = await client.ConnectedAsync("viewer.one@example.com");

        var missing = await client.ProfileAsync("unknown-person", viewer);

        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.ErrorType.ShouldBe("errors/resource_not_found");
    }

    [Fact]
    public async Task The_viewer_must_be_a_known_connected_account()
    {
        using var client = sandbox.Client();
        var (revoked, _) = await client.ConnectedAsync("viewer.one@example.com");
        await client.RevokeAsync(revoked);

        (await client.ProfileAsync("julien-crepieux", "no-such-account")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.ProfileAsync("julien-crepieux", null)).ErrorType.ShouldBe("errors/invalid_parameters");
        var disconnected = await client.ProfileAsync("julien-crepieux", revoked);
        disconnected.Status.ShouldBe(HttpStatusCode.Unauthorized);
        disconnected.ErrorType.ShouldBe("errors/disconnected_account");
    }
}
