using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

/// <summary>Errors raised by authentication and authorization are problem details too.</summary>
public sealed class AuthenticationProblemTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("ada", HttpStatusCode.Forbidden)]
    public async Task Refusals_without_a_body_answer_problem_details(string? user, HttpStatusCode expected)
    {
        await using var app = await StartAsync("Production");

        using var response = await SendAsync(app, user);

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe((int)expected);
    }

    [Fact]
    public async Task An_allowed_user_gets_through()
    {
        await using var app = await StartAsync("Production");

        using var response = await SendAsync(app, "ada,admin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task An_exception_in_an_authentication_handler_answers_500_problem_details_without_the_exception(string environment)
    {
        await using var app = await StartAsync(environment);

        using var response = await SendAsync(app, TestAuthenticationHandler.ExplodingUser);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(TestAuthenticationHandler.LeakySecret);
        text.ShouldNotContain("InvalidOperationException");
    }

    private static Task<TestApp> StartAsync(string environment) => TestApp.StartAsync(
        endpoints => endpoints.MapGet("/admin/report", () => Results.Ok(new { ready = true })).RequireAuthorization("admin"),
        builder =>
        {
            builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy("admin", policy => policy.RequireRole("admin"));
        },
        environment: environment);

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string? user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/report");
        if (user is not null)
            request.Headers.Add("X-Test-User", user);
        return await app.Client.SendAsync(request);
    }
}
