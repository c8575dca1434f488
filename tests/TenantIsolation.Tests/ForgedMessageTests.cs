using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// A message published on the broker that names the victim's seat but another tenant's account and key changes
/// nothing: the victim's identity stays connected and its LinkedIn account can still send.
/// </summary>
[Collection(IsolationSuite.Name)]
public sealed class ForgedMessageTests(IsolationFixture system, ITestOutputHelper output)
{
    public static TheoryData<string> Forgeries => new()
    {
        nameof(SeatSuspended), nameof(SeatDisconnected), nameof(UserMigrated), nameof(SeatUnsuspended), nameof(SeatDailyLimitChanged),
        nameof(SeatAdded), nameof(SeatActivated), nameof(SeatWorkingHoursChanged),
    };

    // Only invitation-service consumes these.
    private static readonly HashSet<string> InvitationServiceOnly =
        [nameof(SeatUnsuspended), nameof(SeatDailyLimitChanged), nameof(SeatAdded), nameof(SeatActivated), nameof(SeatWorkingHoursChanged)];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_message_naming_another_tenants_seat_changes_nothing_of_it(string forgery)
    {
        var victim = await TenantState.CreateAsync(system, $"victim{forgery.ToLowerInvariant()}", $"victim.{Guid.NewGuid():N}@example.com");
        var forger = await system.IssueKeyAsync("Forger");
        var forgerSecondKey = await system.IssueSecondKeyAsync(forger.AccountId);
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        object message = forgery switch
        {
            nameof(SeatSuspended) => new SeatSuspended(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatDisconnected) => new SeatDisconnected(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatUnsuspended) => new SeatUnsuspended(victim.ActiveSeatId, forger.AccountId, forger.KeyId, now),
            nameof(SeatDailyLimitChanged) => new SeatDailyLimitChanged(victim.ActiveSeatId, forger.AccountId, forger.KeyId, 0, now),
            // Re-adding the seat under the forger's key with no sends a day: applied, the victim's sends get 429.
            nameof(SeatAdded) => new SeatAdded(victim.ActiveSeatId, forger.AccountId, forger.KeyId, 0, now),
            // Activating the victim's pending seat: applied, it would send before its person connected.
            nameof(SeatActivated) => new SeatActivated(victim.PendingSeatId, forger.AccountId, forger.KeyId, now),
            // A one-minute window on Sundays: applied, the victim's queued sends would wait for it.
            nameof(SeatWorkingHoursChanged) => new SeatWorkingHoursChanged(victim.ActiveSeatId, forger.AccountId, forger.KeyId, "UTC", 0, 1, [0], now),
            _ => new UserMigrated($"mig_{Guid.NewGuid():N}", [victim.ActiveSeatId], forger.AccountId, forger.KeyId, forgerSecondKey.KeyId, now),
        };

        var messageId = Guid.NewGuid();
        await PublishAsync(message, messageId);
        var failures = new List<string>();
        foreach (var database in InvitationServiceOnly.Contains(forgery) ? ["invitationsdb"] : new[] { "identitiesdb", "invitationsdb" })
        {
            try
            {
                await Eventually.Async(async () => await system.QueryAsync<long>(database, "SELECT count(*) FROM inbox WHERE message_id = $1", messageId) > 0,
                    $"{database} handled the forged {forgery}", TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException e)
            {
                failures.Add(e.Message);
            }
        }
        failures.AddRange(await VictimChecks.StillWorksAsync(system, victim));
        output.WriteLine($"forged {forgery}: {failures.Count} failures");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private async Task PublishAsync(object message, Guid messageId)
    {
        var broker = await system.BrokerAsync();
        switch (message)
        {
            case SeatSuspended m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatDisconnected m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case UserMigrated m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatUnsuspended m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatDailyLimitChanged m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatAdded m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatActivated m: await BrokerClient.PublishAsync(broker, m, messageId); break;
            case SeatWorkingHoursChanged m: await BrokerClient.PublishAsync(broker, m, messageId); break;
        }
    }
}
