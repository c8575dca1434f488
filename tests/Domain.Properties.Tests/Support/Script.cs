namespace Outreach.Domain.Properties.Tests.Support;

/// <summary>A generated sequence of commands; printed one per line so that a failing case reads as a story.</summary>
public sealed record Script<TCommand>(IReadOnlyList<TCommand> Commands)
{
    public override string ToString() => $"{Commands.Count} commands:\n  " + string.Join("\n  ", Commands);
}

public static class Scripts
{
    /// <summary>
    /// Scripts of up to <paramref name="maxLength"/> commands, growing with FsCheck's size. A failing script shrinks by
    /// dropping commands one at a time, so the reported case is a short one.
    /// </summary>
    public static Arbitrary<Script<TCommand>> Of<TCommand>(Gen<TCommand> command, int maxLength = 60) =>
        OfRuns(command.Select(c => new[] { c }), maxLength);

    /// <summary>
    /// Scripts made of runs: a single command, or a run that walks an aggregate somewhere deep (an onboarding, a
    /// day's sends) so that the later commands meet every state, not only the first few.
    /// </summary>
    public static Arbitrary<Script<TCommand>> OfRuns<TCommand>(Gen<TCommand[]> run, int maxRuns = 30) =>
        Arb.From(
            Gen.Sized(size => Gen.Choose(0, Math.Min(maxRuns, Math.Max(1, size)))
                .SelectMany(length => run.ArrayOf(length)))
                .Select(runs => new Script<TCommand>([.. runs.SelectMany(r => r)])),
            script => Enumerable.Range(0, script.Commands.Count)
                .Select(skip => new Script<TCommand>([.. script.Commands.Where((_, i) => i != skip)])));
}
