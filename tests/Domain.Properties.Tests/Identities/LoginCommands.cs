using Outreach.Domain.Properties.Tests.Support;

namespace Outreach.Domain.Properties.Tests.Identities;

/// <summary>What the provider answers in these scripts.</summary>
public enum Answer { Connected, CodeCheckpoint, AppCheckpoint, Pending, CodeRejected, Failed }

/// <summary>What can happen to an identity's LinkedIn logins: the routes, the worker, the watcher, the clock.</summary>
public abstract record LoginCommand;

/// <summary>POST …/linkedin/login, with credentials or (none) the stored session, waiting at most <paramref name="WaitSeconds"/>.</summary>
public sealed record StartLogin(bool WithPassword, int WaitSeconds) : LoginCommand;
/// <summary>The worker takes the LoginQueued message and asks the provider.</summary>
public sealed record WorkerRuns(Answer Answer) : LoginCommand;
/// <summary>POST …/linkedin/code/{session}: the code goes to the provider, which answers.</summary>
public sealed record SubmitCode(Answer Answer) : LoginCommand;
/// <summary>A code for a login that is not the identity's current one.</summary>
public sealed record SubmitCodeForAnotherSession : LoginCommand;
/// <summary>The watcher's round: expiry, and approvals in the LinkedIn app.</summary>
public sealed record WatcherRuns(Answer Answer) : LoginCommand;
public sealed record Wait(int Seconds) : LoginCommand;
/// <summary>The connection ends (the seat was suspended, or LinkedIn revoked it).</summary>
public sealed record SessionEnds : LoginCommand;

public static class LoginScripts
{
    private static readonly Gen<Answer> Answers = Gen.Frequency(
        (2, Gen.Constant(Answer.Connected)), (2, Gen.Constant(Answer.CodeCheckpoint)), (1, Gen.Constant(Answer.AppCheckpoint)),
        (1, Gen.Constant(Answer.Pending)), (4, Gen.Constant(Answer.CodeRejected)), (1, Gen.Constant(Answer.Failed)));

    // A first login (credentials or stored session) is answered with a connection, a checkpoint or a failure; a
    // wrong code or "still pending" only answer a code or the app-approval poll.
    private static readonly Gen<Answer> LoginAnswers = Gen.Frequency(
        (2, Gen.Constant(Answer.Connected)), (3, Gen.Constant(Answer.CodeCheckpoint)), (1, Gen.Constant(Answer.AppCheckpoint)), (1, Gen.Constant(Answer.Failed)));

    public static readonly Gen<LoginCommand> Command = Gen.Frequency(
        (3, Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))).Zip(Gen.Choose(30, 900))
            .Select(t => (LoginCommand)new StartLogin(t.Item1, t.Item2))),
        (4, LoginAnswers.Select(a => (LoginCommand)new WorkerRuns(a))),
        (8, Answers.Select(a => (LoginCommand)new SubmitCode(a))),
        (1, Gen.Constant<LoginCommand>(new SubmitCodeForAnotherSession())),
        (2, Answers.Select(a => (LoginCommand)new WatcherRuns(a))),
        (2, Gen.Frequency((3, Gen.Choose(1, 120)), (1, Gen.Choose(300, 1200))).Select(s => (LoginCommand)new Wait(s))),
        (1, Gen.Constant<LoginCommand>(new SessionEnds())));

    /// <summary>Runs that reach the interesting places: a login at a code checkpoint, a burst of wrong codes, a long wait.</summary>
    public static Arbitrary<Script<LoginCommand>> Scripts() => Support.Scripts.OfRuns(Gen.Frequency(
        (10, Command.Select(c => new[] { c })),
        (3, Gen.Choose(30, 900).Select(wait => new LoginCommand[] { new StartLogin(true, wait), new WorkerRuns(Answer.CodeCheckpoint) })),
        (2, Gen.Choose(2, 4).Select(n => Enumerable.Repeat<LoginCommand>(new SubmitCode(Answer.CodeRejected), n).ToArray())),
        (1, Gen.Constant<LoginCommand[]>([new Wait(1000)]))));
}
