using Outreach.Domain.Properties.Tests.Support;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;

namespace Outreach.Domain.Properties.Tests.Identities;

/// <summary>For any sequence of logins, codes, provider answers and waiting: the login rules of identity-service.</summary>
[Properties(Arbitrary = [typeof(LoginScripts)], MaxTest = 300)]
public sealed class LoginProperties
{
    private static readonly Dictionary<Type, (string? From, string To)[]> Allowed = new()
    {
        [typeof(LinkedInLoginStarted)] = [(LoginStatus.Queued, LoginStatus.InProgress)],
        [typeof(LinkedInCheckpointReached)] = [(LoginStatus.InProgress, LoginStatus.Checkpoint), (LoginStatus.Checkpoint, LoginStatus.Checkpoint)],
        [typeof(LinkedInCodeRejected)] = [(LoginStatus.Checkpoint, LoginStatus.Checkpoint)],
        [typeof(LinkedInLoginSucceeded)] = [(LoginStatus.InProgress, LoginStatus.Connected), (LoginStatus.Checkpoint, LoginStatus.Connected)],
        [typeof(LinkedInLoginFailed)] = [(LoginStatus.InProgress, LoginStatus.Failed), (LoginStatus.Checkpoint, LoginStatus.Failed)],
        [typeof(LinkedInLoginExpired)] = [(LoginStatus.Queued, LoginStatus.Expired), (LoginStatus.InProgress, LoginStatus.Expired),
            (LoginStatus.Checkpoint, LoginStatus.Expired)],
    };

    private static readonly string[] Statuses =
        [LoginStatus.Queued, LoginStatus.InProgress, LoginStatus.Checkpoint, LoginStatus.Connected, LoginStatus.Failed, LoginStatus.Expired];

    [Property]
    public void Every_login_step_is_an_allowed_one(Script<LoginCommand> script)
    {
        var replay = new Identity();
        foreach (var e in LoginRun.Of(script).Log)
        {
            var before = replay.Login?.Status;
            var expiresBefore = replay.Login?.ExpiresAt;
            Aggregates.Apply(replay, e);
            var after = replay.Login?.Status;
            if (e is LinkedInLoginRequested requested)
            {
                // A new login replaces only one that finished or ran out of time.
                after.ShouldBe(LoginStatus.Queued);
                (before is null || LoginStatus.IsFinished(before) || expiresBefore <= requested.RequestedAt).ShouldBeTrue($"a login replaced one still {before}");
                continue;
            }
            if (!Allowed.TryGetValue(e.GetType(), out var allowed))
                continue;
            Statuses.ShouldContain(after);
            allowed.ShouldContain((before, after!), $"{e.GetType().Name} took the login from {before} to {after}");
        }
    }

    [Property]
    public void At_most_three_wrong_codes_count_and_the_third_ends_the_login(Script<LoginCommand> script)
    {
        var run = LoginRun.Of(script);
        foreach (var login in run.Log.OfType<LinkedInLoginRequested>().Select(r => r.SessionId))
        {
            var events = run.Log.Where(e => SessionOf(e) == login).ToList();
            var rejected = events.OfType<LinkedInCodeRejected>().Select(r => r.Attempts).ToList();
            rejected.ShouldBe(Enumerable.Range(1, rejected.Count), $"wrong codes of {login} were counted {string.Join(",", rejected)}");
            rejected.Count.ShouldBeLessThanOrEqualTo(Identity.MaxCodeAttempts);
            if (rejected.Count == Identity.MaxCodeAttempts)
                events.SkipWhile(e => e is not LinkedInCodeRejected { Attempts: Identity.MaxCodeAttempts }).Skip(1).ShouldHaveSingleItem()
                    .ShouldBeOfType<LinkedInLoginFailed>().Reason.ShouldBe(LoginFailures.TooManyAttempts);
        }
    }

    /// <summary>Connected, failed and expired are final: a connected login never goes back to a checkpoint; only a new login moves on.</summary>
    [Property]
    public void A_finished_login_never_changes_again(Script<LoginCommand> script)
    {
        var run = LoginRun.Of(script);
        foreach (var login in run.Log.OfType<LinkedInLoginRequested>().Select(r => r.SessionId))
            run.Log.Where(e => SessionOf(e) == login)
                .SkipWhile(e => e is not (LinkedInLoginSucceeded or LinkedInLoginFailed or LinkedInLoginExpired)).Skip(1)
                .ShouldBeEmpty($"{login} changed after it finished");
    }

    [Property]
    public void Only_one_login_is_in_flight_at_a_time(Script<LoginCommand> script)
    {
        foreach (var step in LoginRun.Of(script).Steps.Where(s => s.Command is StartLogin { WithPassword: true }))
        {
            var inFlight = step.StatusBefore is { } status && !LoginStatus.IsFinished(status) && step.ExpiresBefore > step.At;
            step.Refused.ShouldBe(inFlight, $"{step.Command} with a login {step.StatusBefore}");
        }
    }

    [Property]
    public void Nothing_but_expiry_happens_to_a_login_after_its_wait_time(Script<LoginCommand> script)
    {
        var run = LoginRun.Of(script);
        foreach (var requested in run.Log.OfType<LinkedInLoginRequested>())
        {
            foreach (var e in run.Log.Where(e => SessionOf(e) == requested.SessionId && e is not (LinkedInLoginRequested or LinkedInLoginExpired)))
                TimeOf(e).ShouldBeLessThan(requested.ExpiresAt, $"{e.GetType().Name} after {requested.SessionId} expired");
        }
    }

    [Property]
    public void A_refused_command_records_nothing_and_changes_nothing(Script<LoginCommand> script)
    {
        foreach (var step in LoginRun.Of(script).Steps.Where(s => s.Refused))
            step.StateAfter.ShouldBe(step.StateBefore, $"refused {step.Command} changed the identity");
    }

    [Property]
    public void Replaying_the_stream_gives_the_state_the_commands_saw(Script<LoginCommand> script)
    {
        var run = LoginRun.Of(script);
        var length = 1; // IdentityCreated
        foreach (var step in run.Steps)
        {
            length += step.Events.Count;
            Aggregates.StateOf(Aggregates.Fold<Identity>(run.Log.Take(length))).ShouldBe(step.StateAfter, $"after {step.Command}");
        }
    }

    private static string? SessionOf(object e) => e switch
    {
        LinkedInLoginRequested r => r.SessionId,
        LinkedInLoginStarted s => s.SessionId,
        LinkedInCheckpointReached c => c.SessionId,
        LinkedInCodeRejected r => r.SessionId,
        LinkedInLoginSucceeded s => s.SessionId,
        LinkedInLoginFailed f => f.SessionId,
        LinkedInLoginExpired x => x.SessionId,
        _ => null,
    };

    private static DateTimeOffset TimeOf(object e) => e switch
    {
        LinkedInLoginStarted s => s.StartedAt,
        LinkedInCheckpointReached c => c.ReachedAt,
        LinkedInCodeRejected r => r.RejectedAt,
        LinkedInLoginSucceeded s => s.ConnectedAt,
        LinkedInLoginFailed f => f.FailedAt,
        _ => throw new InvalidOperationException($"{e.GetType().Name} has no time here."),
    };
}
