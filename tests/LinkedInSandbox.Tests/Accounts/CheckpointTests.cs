using System.Diagnostics;
using System.Net;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Accounts;

[Collection(SharedSandboxGroup.Name)]
public sealed class CheckpointTests(SharedSandbox sandbox)
{
    [Fact]
    public async Task A_2fa_login_waits_on_a_checkpoint_and_the_documented_code_solves_it()
    {
        using var client = sandbox.Client();

        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"));

        pending.Status.ShouldBe(HttpStatusCode.Accepted);
        pending.Str("object").ShouldBe("Checkpoint");
        pending.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("2FA");
        var accountId = pending.Str("account_id");
        (await client.StatusOfAsync(accountId)).ShouldBe("CONNECTING");
        (await client.GetAccountAsync(accountId)).Has("session_token").ShouldBeFalse();

        var solved = await client.SolveAsync(accountId, SandboxClient.Code);

        solved.Status.ShouldBe(HttpStatusCode.Created);
        solved.Str("object").ShouldBe("AccountCreated");
        solved.Str("account_id").ShouldBe(accountId);
        solved.Str("session_token").ShouldStartWith("sess_");
        (await client.StatusOfAsync(accountId)).ShouldBe("OK");
    }

    [Fact]
    public async Task A_wrong_code_is_an_invalid_solution_that_counts_attempts_and_the_right_code_still_solves_it()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");

        var first = await client.SolveAsync(accountId, "000000");
        var second = await client.SolveAsync(accountId, "111111");

        first.Status.ShouldBe(HttpStatusCode.BadRequest);
        first.ErrorType.ShouldBe("errors/invalid_checkpoint_solution");
        first.Body.GetProperty("attempts").GetInt32().ShouldBe(1);
        first.Body.GetProperty("remaining_attempts").GetInt32().ShouldBe(2);
        second.Body.GetProperty("attempts").GetInt32().ShouldBe(2);
        second.Body.GetProperty("remaining_attempts").GetInt32().ShouldBe(1);
        (await client.StatusOfAsync(accountId)).ShouldBe("CONNECTING");
        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_last_allowed_wrong_code_fails_the_login()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");

        await client.SolveAsync(accountId, "000000");
        await client.SolveAsync(accountId, "000000");
        var last = await client.SolveAsync(accountId, "000000");

        last.ErrorType.ShouldBe("errors/invalid_checkpoint_solution");
        last.Body.GetProperty("remaining_attempts").GetInt32().ShouldBe(0);
        (await client.StatusOfAsync(accountId)).ShouldBe("ERROR");
        var after = await client.SolveAsync(accountId, SandboxClient.Code);
        after.Status.ShouldBe(HttpStatusCode.BadRequest);
        after.ErrorType.ShouldBe("errors/checkpoint_error");
    }

    [Fact]
    public async Task Concurrent_wrong_codes_are_each_counted_once_and_never_past_the_limit()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.SolveAsync(accountId, "000000")));

        var counted = replies.Where(reply => reply.ErrorType == "errors/invalid_checkpoint_solution").ToList();
        counted.Select(reply => reply.Body.GetProperty("attempts").GetInt32()).Order().ShouldBe([1, 2, 3]);
        replies.Count(reply => reply.ErrorType == "errors/checkpoint_error").ShouldBe(9);
        (await client.StatusOfAsync(accountId)).ShouldBe("ERROR");
    }

    [Fact]
    public async Task An_sms_login_is_a_2fa_checkpoint_whose_code_went_by_sms()
    {
        using var client = sandbox.Client();

        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "sms"));

        var checkpoint = pending.Body.GetProperty("checkpoint");
        checkpoint.GetProperty("type").GetString().ShouldBe("2FA");
        checkpoint.GetProperty("source").GetString().ShouldBe("SMS");
        (await client.SolveAsync(pending.Str("account_id"), SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_otp_login_is_solved_with_the_same_code()
    {
        using var client = sandbox.Client();

        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "otp"));

        pending.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("OTP");
        (await client.SolveAsync(pending.Str("account_id"), "999999")).ErrorType.ShouldBe("errors/invalid_checkpoint_solution");
        (await client.SolveAsync(pending.Str("account_id"), SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_in_app_validation_is_approved_by_itself_after_the_delay_and_found_by_polling_the_account()
    {
        using var client = sandbox.Client();
        var clock = Stopwatch.StartNew();

        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "inapp"));

        pending.Status.ShouldBe(HttpStatusCode.Accepted);
        pending.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("IN_APP_VALIDATION");
        var accountId = pending.Str("account_id");
        (await client.StatusOfAsync(accountId)).ShouldBe("CONNECTING");
        await Eventually.HoldsAsync(async () => await client.StatusOfAsync(accountId) == "OK", TimeSpan.FromSeconds(10), "the in-app validation is approved");
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(SharedSandbox.InAppApproval);
        var account = await client.GetAccountAsync(accountId);
        account.Str("session_token").ShouldStartWith("sess_");
        account.Has("checkpoint").ShouldBeFalse();
    }

    [Fact]
    public async Task A_code_does_not_solve_an_in_app_validation()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "inapp"))).Str("account_id");

        var refused = await client.SolveAsync(accountId, SandboxClient.Code);

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorType.ShouldBe("errors/invalid_checkpoint_solution");
    }

    [Fact]
    public async Task A_captcha_always_fails_and_fails_the_login()
    {
        using var client = sandbox.Client();
        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "captcha"));
        pending.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("CAPTCHA");

        var failed = await client.SolveAsync(pending.Str("account_id"), "the-captcha-answer");

        failed.Status.ShouldBe(HttpStatusCode.BadRequest);
        failed.ErrorType.ShouldBe("errors/checkpoint_error");
        (await client.StatusOfAsync(pending.Str("account_id"))).ShouldBe("ERROR");
    }

    [Fact]
    public async Task A_phone_register_checkpoint_takes_a_phone_number_then_an_sms_code()
    {
        using var client = sandbox.Client();
        var pending = await client.ConnectAsync(SharedSandbox.Username("jane", "phone"));
        pending.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("PHONE_REGISTER");
        var accountId = pending.Str("account_id");

        (await client.SolveAsync(accountId, "0612345678")).ErrorType.ShouldBe("errors/invalid_checkpoint_solution");
        var next = await client.SolveAsync(accountId, "(+33)0612345678");

        next.Status.ShouldBe(HttpStatusCode.Accepted);
        next.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("2FA");
        next.Body.GetProperty("checkpoint").GetProperty("source").GetString().ShouldBe("SMS");
        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Resend_answers_the_same_checkpoint_and_its_code_still_solves_it()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "sms"))).Str("account_id");

        var resent = await client.ResendAsync(accountId);

        resent.Status.ShouldBe(HttpStatusCode.Accepted);
        resent.Str("object").ShouldBe("Checkpoint");
        resent.Str("account_id").ShouldBe(accountId);
        resent.Body.GetProperty("checkpoint").GetProperty("source").GetString().ShouldBe("SMS");
        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_authenticator_app_code_cannot_be_resent()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");

        var refused = await client.ResendAsync(accountId);

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorType.ShouldBe("errors/checkpoint_error");
    }

    [Fact]
    public async Task Try_another_way_switches_a_2fa_checkpoint_to_otp()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "2fa"))).Str("account_id");
        await client.SolveAsync(accountId, "000000");

        var switched = await client.SolveAsync(accountId, "TRY_ANOTHER_WAY");

        switched.Status.ShouldBe(HttpStatusCode.Accepted);
        switched.Str("object").ShouldBe("Checkpoint");
        switched.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("OTP");
        (await client.GetAccountAsync(accountId)).Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("OTP");
        // A new checkpoint starts its own count of attempts.
        (await client.SolveAsync(accountId, "000000")).Body.GetProperty("attempts").GetInt32().ShouldBe(1);
        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Try_another_way_turns_an_in_app_validation_into_a_2fa_code()
    {
        using var client = sandbox.Client();
        var accountId = (await client.ConnectAsync(SharedSandbox.Username("jane", "inapp"))).Str("account_id");

        var switched = await client.SolveAsync(accountId, "TRY_ANOTHER_WAY");

        switched.Body.GetProperty("checkpoint").GetProperty("type").GetString().ShouldBe("2FA");
        (await client.SolveAsync(accountId, SandboxClient.Code)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Solving_a_connected_account_is_a_checkpoint_error_and_an_unknown_one_is_not_found()
    {
        using var client = sandbox.Client();
        var (accountId, _) = await client.ConnectedAsync("jane@example.com");

        (await client.SolveAsync(accountId, SandboxClient.Code)).ErrorType.ShouldBe("errors/checkpoint_error");
        var unknown = await client.SolveAsync("no-such-account", SandboxClient.Code);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.ErrorType.ShouldBe("errors/resource_not_found");
    }
}
