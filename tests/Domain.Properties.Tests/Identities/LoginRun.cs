using Outreach.Domain.Properties.Tests.Support;
using Outreach.IdentityService.Identities;
using Outreach.IdentityService.LinkedIn;

namespace Outreach.Domain.Properties.Tests.Identities;

public sealed record LoginStep(LoginCommand Command, DateTimeOffset At, string? StatusBefore, DateTimeOffset? ExpiresBefore, IReadOnlyList<object>? Emitted,
    string StateBefore, string StateAfter)
{
    public bool Refused => Emitted is null;
    public IReadOnlyList<object> Events => Emitted ?? [];
}

/// <summary>
/// Runs a script against one identity through the identity's own decisions (RequestLogin, StartLoginAttempt,
/// CheckCode, RecordOutcome, Expire), the way StartLogin, LoginQueuedConsumer, SubmitCode and LoginWatcher use them.
/// </summary>
public sealed class LoginRun
{
    private const string IdentityId = "idn_property";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now = Start;
    private int _sessions;

    public Identity Identity { get; } = new();
    public List<object> Log { get; } = [];
    public List<LoginStep> Steps { get; } = [];

    public static LoginRun Of(Script<LoginCommand> script)
    {
        var run = new LoginRun();
        run.Append([new IdentityCreated(IdentityId, "acc_a", "key_a", "usr_a", "sf", "sl", "sr", Start)]);
        foreach (var command in script.Commands)
            run.Execute(command);
        return run;
    }

    private void Execute(LoginCommand command)
    {
        _now = _now.AddSeconds(1);
        var statusBefore = Identity.Login?.Status;
        var expiresBefore = Identity.Login?.ExpiresAt;
        var stateBefore = Aggregates.StateOf(Identity);
        var emitted = Decide(command);
        Aggregates.StateOf(Identity).ShouldBe(stateBefore, $"deciding {command} changed the identity");
        if (emitted is not null)
            Append(emitted);
        Steps.Add(new LoginStep(command, _now, statusBefore, expiresBefore, emitted, stateBefore, Aggregates.StateOf(Identity)));
    }

    private IReadOnlyList<object>? Decide(LoginCommand command)
    {
        var session = Identity.Login?.SessionId ?? "ses_none";
        switch (command)
        {
            case Wait w:
                _now = _now.AddSeconds(w.Seconds);
                return null;
            // Without credentials the stored session is used: a 422 when there is none.
            case StartLogin s when !s.WithPassword && Identity.SealedSessionToken is null:
                return null;
            case StartLogin s:
                return One(Identity.RequestLogin($"ses_{++_sessions}", null, s.WaitSeconds, !s.WithPassword, _now));
            case WorkerRuns w:
                if (Identity.Login is not { Status: LoginStatus.Queued })
                    return null;
                if (Identity.Login.ExpiresAt <= _now)
                    return One(Identity.Expire(session, _now));
                if (Identity.StartLoginAttempt(session, _now) is not { } started)
                    return null;
                var afterStart = Aggregates.Fold<Identity>([.. Log, started]);
                return afterStart.RecordOutcome(session, Outcome(w.Answer), _now, Sealed) is { } outcome ? [started, .. outcome] : [started];
            case SubmitCodeForAnotherSession:
                Identity.CheckCode("ses_other", _now).ShouldBe(Identity.CodeCheck.UnknownLogin);
                return null;
            case SubmitCode c:
                return Identity.CheckCode(session, _now) switch
                {
                    Identity.CodeCheck.Over => One(Identity.Expire(session, _now)),
                    Identity.CodeCheck.Ask => Identity.RecordOutcome(session, Outcome(c.Answer), _now, Sealed),
                    _ => null,
                };
            case WatcherRuns w:
                if (Identity.Login is not { } login || LoginStatus.IsFinished(login.Status))
                    return null;
                if (login.ExpiresAt <= _now)
                    return One(Identity.Expire(session, _now));
                if (login is not { Status: LoginStatus.Checkpoint, CheckpointType: "IN_APP_VALIDATION" } || w.Answer is Answer.Pending or Answer.AppCheckpoint)
                    return null;
                return Identity.RecordOutcome(session, Outcome(w.Answer), _now, Sealed);
            case SessionEnds:
                return Identity.IsConnected ? [new LinkedInSessionEnded(IdentityId, "acc_a", "key_a", "usr_a", "revoked", _now)] : null;
            default:
                throw new InvalidOperationException($"Unknown command {command}.");
        }
    }

    private static readonly Identity.SealedConnection Sealed = new("sealed-name", "sealed-url", "sealed-token");

    private static ProviderOutcome Outcome(Answer answer) => answer switch
    {
        Answer.Connected => new ProviderOutcome.Connected("prov_a", "token", new ProviderProfile("prof_a", "Jane", "https://linkedin.example/jane")),
        Answer.CodeCheckpoint => new ProviderOutcome.Checkpoint("prov_a", "OTP"),
        Answer.AppCheckpoint => new ProviderOutcome.Checkpoint("prov_a", "IN_APP_VALIDATION"),
        Answer.Pending => new ProviderOutcome.Pending("prov_a"),
        Answer.CodeRejected => new ProviderOutcome.CodeRejected(),
        _ => new ProviderOutcome.Failed(LoginFailures.InvalidCredentials),
    };

    private static IReadOnlyList<object>? One(object? e) => e is null ? null : [e];

    private void Append(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            Aggregates.Apply(Identity, e);
            Log.Add(e);
        }
    }
}
