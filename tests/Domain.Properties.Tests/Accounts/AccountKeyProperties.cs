using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Accounts;

namespace Outreach.Domain.Properties.Tests.Accounts;

/// <summary>What an operator does to an account's keys: issue one, issue a known id again, revoke one (perhaps unknown).</summary>
public abstract record KeyCommand;

public sealed record IssueKey : KeyCommand;
public sealed record IssueKnownKeyId(int Pick) : KeyCommand;
public sealed record RevokeKey(int Pick) : KeyCommand;
public sealed record RevokeUnknownKey : KeyCommand;

public static class KeyScripts
{
    public static Arbitrary<Script<KeyCommand>> Scripts() => Support.Scripts.Of(Gen.Frequency(
        (3, Gen.Constant<KeyCommand>(new IssueKey())),
        (1, Gen.Choose(0, 100).Select(p => (KeyCommand)new IssueKnownKeyId(p))),
        (3, Gen.Choose(0, 100).Select(p => (KeyCommand)new RevokeKey(p))),
        (1, Gen.Constant<KeyCommand>(new RevokeUnknownKey()))));
}

/// <summary>An account's access keys: a revoked key never works again, revoking twice records once, replay gives the same keys.</summary>
[Properties(Arbitrary = [typeof(KeyScripts)], MaxTest = 300)]
public sealed class AccountKeyProperties
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private sealed record Run(Account Account, List<object> Log, List<(KeyCommand Command, string? KeyId, IReadOnlyList<object>? Emitted, bool LiveBefore)> Steps);

    private static Run Execute(Script<KeyCommand> script)
    {
        var account = new Account();
        var log = new List<object>();
        var steps = new List<(KeyCommand, string?, IReadOnlyList<object>?, bool)>();
        var issued = new List<string>();
        void Append(IEnumerable<object> events)
        {
            foreach (var e in events)
            {
                Aggregates.Apply(account, e);
                log.Add(e);
            }
        }
        Append([new AccountCreated("acc_property", "Acme", Start)]);
        foreach (var command in script.Commands)
        {
            var now = Start.AddMinutes(log.Count);
            string? keyId = command switch
            {
                IssueKey => $"key_{issued.Count + 1}",
                IssueKnownKeyId p when issued.Count > 0 => issued[p.Pick % issued.Count],
                RevokeKey p when issued.Count > 0 => issued[p.Pick % issued.Count],
                RevokeUnknownKey => "key_never_issued",
                _ => null,
            };
            var live = keyId is not null && account.HasLiveKey(keyId);
            IReadOnlyList<object>? emitted = command switch
            {
                _ when keyId is null => null,
                IssueKey or IssueKnownKeyId => account.CanIssue(keyId) ? [new AccessKeyIssued(account.Id, keyId, "ak-hash", "secret-hash", now)] : null,
                _ => account.Revoke(keyId, now),
            };
            if (command is IssueKey && emitted is not null)
                issued.Add(keyId!);
            Append(emitted ?? []);
            steps.Add((command, keyId, emitted, live));
        }
        return new Run(account, log, steps);
    }

    [Property]
    public void A_revoked_key_never_works_again(Script<KeyCommand> script)
    {
        var run = Execute(script);
        var revoked = new HashSet<string>();
        var replay = new Account();
        foreach (var e in run.Log)
        {
            Aggregates.Apply(replay, e);
            if (e is AccessKeyRevoked r)
                revoked.Add(r.KeyId);
            revoked.ShouldAllBe(keyId => !replay.HasLiveKey(keyId), $"after {e}");
        }
    }

    [Property]
    public void A_known_key_id_is_never_issued_again_and_revoking_records_once(Script<KeyCommand> script)
    {
        var run = Execute(script);
        run.Log.OfType<AccessKeyIssued>().GroupBy(e => e.KeyId).ShouldAllBe(g => g.Count() == 1);
        run.Log.OfType<AccessKeyRevoked>().GroupBy(e => e.KeyId).ShouldAllBe(g => g.Count() == 1);
        foreach (var (command, keyId, emitted, live) in run.Steps.Where(s => s.Command is RevokeKey or RevokeUnknownKey && s.KeyId is not null))
        {
            if (command is RevokeUnknownKey)
                emitted.ShouldBeNull("an unknown key is a 404");
            else
                emitted!.Count.ShouldBe(live ? 1 : 0, $"revoking {keyId}, live before: {live}");
        }
    }

    [Property]
    public void Replaying_the_stream_gives_the_same_keys(Script<KeyCommand> script)
    {
        var run = Execute(script);
        Aggregates.StateOf(Aggregates.Fold<Account>(run.Log)).ShouldBe(Aggregates.StateOf(run.Account));
    }
}
