using System.Net;

namespace Outreach.InvitationService.Bench;

/// <summary>
/// A LinkedIn account invitation-service knows may send, made as tests/CrossService.Tests/Invitations/InvitationSender.cs
/// makes one: an identity (with a seat or without) logged in through identity-service with the sandbox, and
/// invitation-service having consumed its LinkedInConnected (and the seat's messages).
/// </summary>
internal sealed record Sender(BenchKey Key, string? SeatId, string IdentityId, string AccountId, HttpClient Invitations, HttpClient Seats);

internal static class Senders
{
    public const string Manage = "/functions/v1/api-user-management";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary><paramref name="count"/> identities without a seat under one key (each may send 25 a day), <paramref name="parallel"/> at a time.</summary>
    public static async Task<List<Sender>> WithoutSeatAsync(InvitationSystem system, int count, int parallel)
    {
        var key = await system.NewAccessKeyAsync("bench-invite");
        var senders = new Sender[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            using var identity = system.Client(InvitationSystem.IdentityService, key);
            var created = await Http.PostAsync(identity, "/v1/identities", new { firstName = "Ines", lastName = $"Bench{i}", role = "Sales" },
                HttpStatusCode.Created, "create identity");
            var identityId = created.GetProperty("identity").GetProperty("id").GetString()!;
            await ConnectAsync(identity, identityId);
            senders[i] = new Sender(key, null, identityId, await AccountOfAsync(system, identityId),
                system.Client(InvitationSystem.InvitationService, key), system.Client(InvitationSystem.SeatService, key));
        });
        return [.. senders];
    }

    /// <summary>
    /// <paramref name="count"/> active seats with <paramref name="dailyLimit"/>, each under a key of its own, with their
    /// connected identities; done once invitation-service sees every seat active with its limit and its account connected.
    /// </summary>
    public static async Task<List<Sender>> WithSeatAsync(InvitationSystem system, int count, int dailyLimit, int parallel, string label)
    {
        var senders = new Sender[count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var key = await system.NewAccessKeyAsync($"bench-seat-{label}-{i}");
            var seats = system.Client(InvitationSystem.SeatService, key);
            await Http.PostAsync(seats, Manage, new { action = "add", daily_limit = dailyLimit }, HttpStatusCode.OK, "add seat");
            var list = await Http.GetAsync(seats, "/user-list", HttpStatusCode.OK, "user-list");
            var seatId = list.GetProperty("users")[0].GetProperty("id").GetString()!;
            await system.ActivateSeatAsync(seatId);
            var identityId = await system.CreateSeatIdentityAsync(key, seatId);
            using (var identity = system.Client(InvitationSystem.IdentityService, key))
                await ConnectAsync(identity, identityId);
            var accountId = await AccountOfAsync(system, identityId);
            await EventuallyAsync(async () =>
            {
                await using var command = system.Invitations.CreateCommand("SELECT count(*) FROM seat_views WHERE seat_id = $1 AND status = 'active' AND daily_limit = $2");
                command.Parameters.AddWithValue(seatId);
                command.Parameters.AddWithValue(dailyLimit);
                return (long)(await command.ExecuteScalarAsync())! == 1;
            }, $"invitation-service sees seat {seatId} active with daily limit {dailyLimit}");
            senders[i] = new Sender(key, seatId, identityId, accountId, system.Client(InvitationSystem.InvitationService, key), seats);
            if (Interlocked.Increment(ref done) % 10 == 0)
                Console.WriteLine($"    {done}/{count} seats ready");
        });
        return [.. senders];
    }

    /// <summary>Logs the identity in with a plain sandbox username (no checkpoint) and waits until it is connected.</summary>
    private static async Task ConnectAsync(HttpClient identity, string identityId)
    {
        var started = await Http.PostAsync(identity, $"/v1/identities/{identityId}/linkedin/login",
            new { username = $"bench.{Guid.NewGuid():N}@example.com", password = "pw" }, HttpStatusCode.OK, "login");
        var sessionId = started.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await EventuallyAsync(async () =>
        {
            var status = await Http.GetAsync(identity, $"/v1/identities/{identityId}/linkedin/status/{sessionId}", HttpStatusCode.OK, "login status");
            var last = status.GetProperty("login_result").GetProperty("status").GetString()!;
            return last switch
            {
                "connected" => true,
                "queued" or "in_progress" => false,
                _ => throw new InvalidOperationException($"login {sessionId} ended {status}"),
            };
        }, $"identity {identityId} is connected");
    }

    /// <summary>The provider account invitation-service sends from for the identity (seed 004's account_id).</summary>
    private static async Task<string> AccountOfAsync(InvitationSystem system, string identityId)
    {
        var accountId = "";
        await EventuallyAsync(async () =>
        {
            await using var command = system.Invitations.CreateCommand("SELECT provider_account_id FROM sending_accounts WHERE identity_id = $1 AND connected");
            command.Parameters.AddWithValue(identityId);
            accountId = await command.ExecuteScalarAsync() as string ?? "";
            return accountId.Length > 0;
        }, $"invitation-service knows identity {identityId}'s LinkedIn account");
        return accountId;
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public static string NewPerson() => "person-" + Guid.NewGuid().ToString("N")[..12];
}
