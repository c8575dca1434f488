using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests;

[Collection(SharedSandboxGroup.Name)]
public sealed class ApiKeyTests(SharedSandbox sandbox)
{
    [Theory]
    [InlineData("/api/v1/accounts/some-account")]
    [InlineData("/api/v1/users/julien-crepieux?account_id=x")]
    [InlineData("/api/v1/sandbox/faults")]
    public async Task Without_the_api_key_every_route_answers_401_missing_credentials(string path)
    {
        using var client = sandbox.Client(apiKey: null);

        var refused = await client.GetAsync(path);

        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        refused.ErrorType.ShouldBe("errors/missing_credentials");
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_before_the_login_is_looked_at()
    {
        using var client = sandbox.Client(apiKey: "not-the-key");

        var refused = await client.ConnectAsync("jane@example.com");

        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        refused.ErrorType.ShouldBe("errors/invalid_api_key");
    }

    [Fact]
    public async Task Health_and_alive_need_no_api_key()
    {
        using var client = sandbox.Client(apiKey: null);

        (await client.Http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
