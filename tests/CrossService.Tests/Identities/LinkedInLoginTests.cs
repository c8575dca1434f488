using System.Net;
using Shouldly;

namespace Outreach.CrossService.Tests.Identities;

/// <summary>
/// Seed 003's LinkedIn login end to end: the route appends and publishes LoginQueued, the worker consumes it through
/// RabbitMQ and drives the linkedin-sandbox, and the status route reports each step. Scenarios are chosen by the
/// username's tag (src/LinkedInSandbox/README.md); the sandbox's code is 123456.
/// </summary>
[Collection(CrossServiceSuite.Name)]
public sealed class LinkedInLoginTests(CrossServiceFixture system)
{
    private const string Code = "123456";

    [Fact]
    public async Task A_plain_login_connects_and_the_identity_shows_its_profile()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane.plain@example.com", password = "pw", country = "GB" });

        var connected = await login.WaitForStatusAsync(session, "connected");
        connected.GetProperty("profile_id").GetString().ShouldNotBeNullOrEmpty();
        var check = await login.CheckAsync();
        check.GetProperty("connected").GetBoolean().ShouldBeTrue();
        check.GetProperty("linkedin").GetProperty("profile_id").GetString().ShouldBe(connected.GetProperty("profile_id").GetString());
        check.GetProperty("linkedin").GetProperty("profile_url").GetString()!.ShouldStartWith("https://www.linkedin.com/in/");
    }

    [Fact]
    public async Task Two_factor_takes_a_wrong_code_as_an_attempt_then_the_right_one()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+2fa@example.com", password = "pw" });
        var checkpoint = await login.WaitForStatusAsync(session, "checkpoint");
        checkpoint.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("2FA");

        var (wrong, problem) = await login.SubmitAsync(session, "000000");
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField("code").ShouldBeTrue();
        problem.GetProperty("attempts_left").GetInt32().ShouldBe(2);

        var (right, body) = await login.SubmitAsync(session, Code);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("login_result").GetProperty("status").GetString().ShouldBe("connected");
        (await login.CheckAsync()).GetProperty("connected").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Three_wrong_codes_end_the_attempt_and_a_new_login_is_needed()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+otp@example.com", password = "pw" });
        (await login.WaitForStatusAsync(session, "checkpoint")).GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("OTP");

        for (var attempt = 1; attempt <= 3; attempt++)
            (await login.SubmitAsync(session, $"99999{attempt}")).Response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var failed = await login.StatusAsync(session);
        failed.GetProperty("status").GetString().ShouldBe("failed");
        failed.GetProperty("reason").GetString().ShouldBe("too_many_attempts");
        (await login.SubmitAsync(session, Code)).Response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await login.StartAsync(new { username = "jane+otp@example.com", password = "pw" })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_not_given_within_max_verification_wait_time_expires_the_login()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+2fa@example.com", password = "pw", max_verification_wait_time = 2 });
        await login.WaitForStatusAsync(session, "checkpoint");

        await login.WaitForStatusAsync(session, "expired");
        (await login.SubmitAsync(session, Code)).Response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await login.CheckAsync()).GetProperty("connected").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_approval_in_the_linkedin_app_is_found_by_polling()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+inapp@example.com", password = "pw" });

        (await login.WaitForStatusAsync(session, "checkpoint")).GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("IN_APP_VALIDATION");
        await login.WaitForStatusAsync(session, "connected");
    }

    [Theory]
    [InlineData("jane+captcha@example.com", "captcha_failed")]
    [InlineData("jane+wrongpw@example.com", "invalid_credentials")]
    [InlineData("jane+restricted@example.com", "account_restricted")]
    public async Task A_login_that_cannot_succeed_fails_with_its_reason(string username, string reason)
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username, password = "pw" });
        if (username.Contains("captcha", StringComparison.Ordinal))
        {
            await login.WaitForStatusAsync(session, "checkpoint");
            (await login.SubmitAsync(session, "not-a-robot")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await login.WaitForStatusAsync(session, "failed")).GetProperty("reason").GetString().ShouldBe(reason);
    }

    [Fact]
    public async Task A_second_login_while_one_is_in_progress_is_a_conflict()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        await login.StartOkAsync(new { username = "jane+2fa@example.com", password = "pw" });

        var (second, problem) = await login.StartAsync(new { username = "jane+2fa@example.com", password = "pw" });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("type").GetString().ShouldBe("errors/auth_in_progress");
    }

    [Fact]
    public async Task Concurrent_logins_for_one_identity_let_exactly_one_through()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => login.StartAsync(new { username = "jane+2fa@example.com", password = "pw" })));
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict).ShouldBe(4);
    }

    [Fact]
    public async Task Without_credentials_the_stored_session_re_authenticates_a_connected_identity()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var (refused, problem) = await login.StartAsync(new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.NamesField("username").ShouldBeTrue();

        var first = await login.StartOkAsync(new { username = "jane.reauth@example.com", password = "pw" });
        var profileId = (await login.WaitForStatusAsync(first, "connected")).GetProperty("profile_id").GetString();

        var (again, body) = await login.StartAsync(new { });
        again.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("login_result").GetProperty("profile_id").GetString().ShouldBe(profileId);
        var second = body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        (await login.WaitForStatusAsync(second, "connected")).GetProperty("profile_id").GetString().ShouldBe(profileId);
    }

    [Theory]
    [InlineData("{\"username\":\"a@example.com\"}", "password")]
    [InlineData("{\"password\":\"pw\"}", "username")]
    [InlineData("{\"username\":\"a@example.com\",\"password\":\"pw\",\"country\":\"Britain\"}", "country")]
    [InlineData("{\"username\":\"a@example.com\",\"password\":\"pw\",\"max_verification_wait_time\":0}", "max_verification_wait_time")]
    public async Task Bad_login_requests_name_the_field(string json, string field)
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await login.Client.PostAsync($"/v1/identities/{login.IdentityId}/linkedin/login", content);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.NamesField(field).ShouldBeTrue();
    }

    [Fact]
    public async Task Try_another_way_switches_the_checkpoint_and_its_code_still_connects()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+2fa@example.com", password = "pw" });
        await login.WaitForStatusAsync(session, "checkpoint");

        var (switched, body) = await login.SubmitAsync(session, "TRY_ANOTHER_WAY");
        switched.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var result = body.GetProperty("login_result");
        result.GetProperty("status").GetString().ShouldBe("checkpoint");
        result.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("OTP");

        (await login.SubmitAsync(session, Code)).Body.GetProperty("login_result").GetProperty("status").GetString().ShouldBe("connected");
    }

    [Fact]
    public async Task A_phone_register_checkpoint_takes_a_number_then_the_sms_code()
    {
        var login = await LinkedInLogin.ForNewIdentityAsync(system);
        var session = await login.StartOkAsync(new { username = "jane+phone@example.com", password = "pw" });
        (await login.WaitForStatusAsync(session, "checkpoint")).GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("PHONE_REGISTER");

        var (registered, body) = await login.SubmitAsync(session, "(+33)0612345678");
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("login_result").GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("2FA");
        (await login.SubmitAsync(session, Code)).Body.GetProperty("login_result").GetProperty("status").GetString().ShouldBe("connected");
    }
}
