using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Accounts;

[Collection(SharedSandboxGroup.Name)]
public sealed class ConnectTests(SharedSandbox sandbox)
{
    [Fact]
    public async Task A_plain_username_connects_at_once_with_an_account_id_and_a_session_token()
    {
        using var client = sandbox.Client();

        var created = await client.ConnectAsync("jane.doe@example.com");

        created.Status.ShouldBe(HttpStatusCode.Created);
        created.Str("object").ShouldBe("AccountCreated");
        created.Str("account_id").Length.ShouldBe(22);
        created.Str("session_token").ShouldStartWith("sess_");
        var account = await client.GetAccountAsync(created.Str("account_id"));
        account.Status.ShouldBe(HttpStatusCode.OK);
        account.Str("object").ShouldBe("Account");
        account.Str("id").ShouldBe(created.Str("account_id"));
        account.Str("type").ShouldBe("LINKEDIN");
        account.Str("name").ShouldBe("Jane Doe");
        var im = account.Body.GetProperty("connection_params").GetProperty("im");
        im.GetProperty("id").GetString().ShouldStartWith("ACoAA");
        im.GetProperty("publicIdentifier").GetString().ShouldStartWith("jane-doe-");
        im.GetProperty("username").GetString().ShouldBe("jane.doe@example.com");
        account.Body.GetProperty("sources")[0].GetProperty("status").GetString().ShouldBe("OK");
    }

    [Fact]
    public async Task The_same_username_is_the_same_linkedin_member_on_every_login()
    {
        using var client = sandbox.Client();
        var (first, _) = await client.ConnectedAsync("sam.same@example.com");
        var (second, _) = await client.ConnectedAsync("sam.same@example.com");

        second.ShouldNotBe(first);
        MemberIdOf(await client.GetAccountAsync(second)).ShouldBe(MemberIdOf(await client.GetAccountAsync(first)));
        MemberIdOf(await client.GetAccountAsync((await client.ConnectedAsync("other.person@example.com")).AccountId))
            .ShouldNotBe(MemberIdOf(await client.GetAccountAsync(first)));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_as_invalid_credentials_and_creates_no_account()
    {
        using var client = sandbox.Client();

        var refused = await client.ConnectAsync(SharedSandbox.Username("jane", "wrongpw"));

        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        refused.ContentType.ShouldBe("application/problem+json");
        refused.Str("object").ShouldBe("Error");
        refused.ErrorType.ShouldBe("errors/invalid_credentials");
        refused.Has("account_id").ShouldBeFalse();
    }

    [Fact]
    public async Task A_restricted_account_is_refused_with_403()
    {
        using var client = sandbox.Client();

        var refused = await client.ConnectAsync(SharedSandbox.Username("jane", "restricted"));

        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.ErrorType.ShouldBe("errors/account_restricted");
    }

    [Theory]
    [InlineData("""{"provider":"WHATSAPP","username":"jane@example.com","password":"x"}""")]
    [InlineData("""{"provider":"LINKEDIN","password":"x"}""")]
    [InlineData("""{"provider":"LINKEDIN","username":"jane@example.com","password":""}""")]
    public async Task A_login_needs_provider_linkedin_a_username_and_a_password(string body)
    {
        using var client = sandbox.Client();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var refused = await Reply.ReadAsync(await client.Http.PostAsync(new Uri("/api/v1/accounts", UriKind.Relative), content));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorType.ShouldBe("errors/invalid_parameters");
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        using var client = sandbox.Client();

        var missing = await client.GetAccountAsync("no-such-account");

        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.ErrorType.ShouldBe("errors/resource_not_found");
    }

    private static string MemberIdOf(Reply account) =>
        account.Body.GetProperty("connection_params").GetProperty("im").GetProperty("id").GetString()!;
}
