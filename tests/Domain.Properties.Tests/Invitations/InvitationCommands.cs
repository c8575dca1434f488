using Outreach.Domain.Properties.Tests.Support;

namespace Outreach.Domain.Properties.Tests.Invitations;

/// <summary>What the provider says to a send: took it, refused it, or nobody knows (then the pending list is asked).</summary>
public enum ProviderReply { Sent, Refused, RefusedForTheAccount, LostButFound, LostAndNotFound, LostAndNoAnswer }

/// <summary>One sender's day: sends now and from its queue, the reconciler, withdrawals, acceptances and cancellations.</summary>
public abstract record InvitationCommand;

public sealed record Enqueue : InvitationCommand;
public sealed record SendNow(ProviderReply Reply) : InvitationCommand;
/// <summary><paramref name="Pick"/> chooses among the invitations so far (modulo their count).</summary>
public sealed record SendQueued(int Pick, ProviderReply Reply) : InvitationCommand;
public sealed record Reconcile(int Pick, ProviderReply Reply) : InvitationCommand;
public sealed record Withdraw(int Pick) : InvitationCommand;
public sealed record Accept(int Pick) : InvitationCommand;
public sealed record Cancel(int Pick) : InvitationCommand;

/// <summary>A day of one sender with a daily limit, and what happens during it.</summary>
public sealed record SenderDay(int Limit, Script<InvitationCommand> Script)
{
    public override string ToString() => $"daily limit {Limit}, {Script}";
}

public static class InvitationScripts
{
    private static readonly Gen<ProviderReply> Replies = Gen.Frequency(
        (8, Gen.Constant(ProviderReply.Sent)), (2, Gen.Constant(ProviderReply.Refused)), (1, Gen.Constant(ProviderReply.RefusedForTheAccount)),
        (1, Gen.Constant(ProviderReply.LostButFound)), (1, Gen.Constant(ProviderReply.LostAndNotFound)), (2, Gen.Constant(ProviderReply.LostAndNoAnswer)));

    private static readonly Gen<int> Picks = Gen.Choose(0, 1000);

    public static readonly Gen<InvitationCommand> Command = Gen.Frequency(
        (3, Gen.Constant<InvitationCommand>(new Enqueue())),
        (4, Replies.Select(r => (InvitationCommand)new SendNow(r))),
        (4, Picks.Zip(Replies).Select(t => (InvitationCommand)new SendQueued(t.Item1, t.Item2))),
        (2, Picks.Zip(Replies).Select(t => (InvitationCommand)new Reconcile(t.Item1, t.Item2))),
        (1, Picks.Select(p => (InvitationCommand)new Withdraw(p))),
        (1, Picks.Select(p => (InvitationCommand)new Accept(p))),
        (1, Picks.Select(p => (InvitationCommand)new Cancel(p))));

    /// <summary>Small limits too, so that a script reaches and presses against the limit and crosses every threshold.</summary>
    public static Arbitrary<SenderDay> Days()
    {
        var scripts = Support.Scripts.Of(Command, maxLength: 80);
        return Arb.From(
            Gen.Frequency((3, Gen.Choose(1, 12)), (2, Gen.Choose(13, 40)), (1, Gen.Choose(41, 100))).Zip(scripts.Generator)
                .Select(t => new SenderDay(t.Item1, t.Item2)),
            day => scripts.Shrinker(day.Script).Select(s => day with { Script = s }));
    }
}
