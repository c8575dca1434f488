using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Outreach.SeatService.Tests.Accounts;

[Collection(SeatServiceSuite.Name)]
public sealed class OperatorApiTests(SeatServiceFixture system)
{
    [Fact]
    public async Task Operator_creates_an_account_and_issues_a_key_shown_once()
    {
        var (created, account) = await system.Operator().PostJsonAsync("/admin/accounts", new { name = "Acme Ltd" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        account.GetProperty("name").GetString().ShouldBe("Acme Ltd");
        var accountId = account.GetProperty("account_id").GetString()!;
        accountId.ShouldStartWith("acc_");

        var (issued, key) = await system.Operator().PostJsonAsync($"/admin/accounts/{accountId}/access-keys", new { });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        key.GetProperty("key_id").GetString()!.ShouldStartWith("key_");
        key.GetProperty("access_key").GetString()!.ShouldStartWith("oak_");
        key.GetProperty("secret").GetString()!.ShouldStartWith("oas_");
    }

    [Fact]
    public async Task Operator_routes_refuse_a_missing_or_wrong_token()
    {
        var (missing, body) = await system.Anonymous().PostJsonAsync("/admin/accounts", new { name = "x" });
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var wrong = system.Anonymous();
        wrong.DefaultRequestHeaders.Add("Authorization", "Bearer not-the-token");
        (await wrong.PostAsJsonAsync("/admin/accounts", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_access_key_is_not_an_operator_token()
    {
        var tenant = await system.NewTenantClientAsync();
        (await tenant.PostAsJsonAsync("/admin/accounts", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_account_needs_a_name(string name)
    {
        var (response, problem) = await system.Operator().PostJsonAsync("/admin/accounts", new { name });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Keys_of_an_unknown_account_are_not_found()
    {
        var (response, _) = await system.Operator().PostJsonAsync("/admin/accounts/acc_doesnotexist/access-keys", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
