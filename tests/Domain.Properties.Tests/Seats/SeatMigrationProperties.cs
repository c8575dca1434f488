using Outreach.Domain.Properties.Tests.Support;
using Outreach.SeatService.Seats;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>"LinkedIn connections are kept": a migration moves the seat to another key and changes nothing else.</summary>
[Properties(Arbitrary = [typeof(SeatScripts)], MaxTest = 300)]
public sealed class SeatMigrationProperties
{
    [Property]
    public void A_migration_changes_the_key_and_nothing_else(Script<SeatCommand> script)
    {
        foreach (var step in SeatRun.Of(script).Steps.Where(s => s.Command is Migrate && !s.Refused))
        {
            var migrated = step.Events.ShouldHaveSingleItem().ShouldBeOfType<SeatMigrated>();
            migrated.FromKeyId.ShouldBe(step.KeyBefore);
            migrated.ToKeyId.ShouldBe(((Migrate)step.Command).ToKeyId);
            WithoutKey(step.StateAfter).ShouldBe(WithoutKey(step.StateBefore));
            step.StateAfter.ShouldContain($"\"{migrated.ToKeyId}\"");
        }
    }

    private static string WithoutKey(string state) =>
        string.Join("\n", state.Split('\n').Where(line => !line.StartsWith("<KeyId>", StringComparison.Ordinal)));
}
