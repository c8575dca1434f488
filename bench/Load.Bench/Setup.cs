using System.Diagnostics;

namespace Outreach.Load.Bench;

/// <summary>
/// The population the workload runs on, made through the public and operator routes where they exist: accounts and
/// keys, seats (every one added by the add action), some made active (the connect flow's last step, in the domain),
/// and per account a few senders: an active seat whose identity logged in with the sandbox.
/// </summary>
internal static class Setup
{
    public const string Manage = "/functions/v1/api-user-management";
    public const int SenderDailyLimit = 100;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static async Task<Tenant> NewTenantAsync(LoadSystem system, string name)
    {
        var account = Expect.Status(await system.SeatService.SendAsync(HttpMethod.Post, "/admin/accounts", null, new { name }, system.OperatorToken), 201, "create account");
        var accountId = account.Text("account_id")!;
        var key = await NewKeyAsync(system, accountId);
        return new Tenant(name, accountId, key.KeyId, key.AccessKey);
    }

    public static async Task<(string KeyId, string AccessKey)> NewKeyAsync(LoadSystem system, string accountId)
    {
        var key = Expect.Status(await system.SeatService.SendAsync(HttpMethod.Post, $"/admin/accounts/{accountId}/access-keys", null, new { }, system.OperatorToken),
            201, "issue access key");
        return (key.Text("key_id")!, key.Text("access_key")!);
    }

    public static async Task<List<Tenant>> PopulateAsync(LoadSystem system, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var tenants = new Tenant[options.Accounts];
        await ForEachAsync(options.Accounts, options.SetupParallel, async i => tenants[i] = await NewTenantAsync(system, $"load-{i:000}"));
        Console.WriteLine($"   {options.Accounts} accounts with a key each ({clock.Elapsed.TotalSeconds:0.0} s)");

        var seatsPerAccount = options.Seats / options.Accounts;
        var added = 0;
        await ForEachAsync(options.Accounts * seatsPerAccount, options.SetupParallel, async i =>
        {
            var tenant = tenants[i % options.Accounts];
            Expect.Status(await system.SeatService.PostAsync(Manage, tenant.AccessKey, new { action = "add", daily_limit = SenderDailyLimit }), 200, "add seat");
            if (Interlocked.Increment(ref added) % 2000 == 0)
                Console.WriteLine($"   {added:N0} seats added ({clock.Elapsed.TotalSeconds:0.0} s)");
        });

        var activated = 0;
        await ForEachAsync(options.Accounts, options.SetupParallel, async i =>
        {
            var tenant = tenants[i];
            var pending = Expect.Status(await system.SeatService.GetAsync("/user-list?status=pending", tenant.AccessKey), 200, "user-list");
            var ids = pending.Body.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).Take(options.ActivePerAccount).ToList();
            foreach (var id in ids)
                await system.ActivateSeatAsync(id);
            foreach (var id in ids.Skip(options.SendersPerAccount))
                tenant.Active.Enqueue(id);
            foreach (var id in ids.Take(options.SendersPerAccount))
                tenant.Senders.Add(await ConnectSenderAsync(system, tenant, id));
            if (Interlocked.Increment(ref activated) % 20 == 0)
                Console.WriteLine($"   {activated}/{options.Accounts} accounts with {options.ActivePerAccount} active seats and {options.SendersPerAccount} senders ({clock.Elapsed.TotalSeconds:0.0} s)");
        });
        return [.. tenants];
    }

    /// <summary>An active seat's identity logged in with the sandbox, once invitation-service may send from it.</summary>
    public static async Task<Sender> ConnectSenderAsync(LoadSystem system, Tenant tenant, string seatId)
    {
        var identityId = await system.CreateSeatIdentityAsync(tenant, seatId);
        await LogInAsync(system, tenant, identityId);
        var providerAccountId = await SendingAccountAsync(system, identityId);
        await WaitForActiveSeatAsync(system, seatId);
        return new Sender(seatId, identityId, providerAccountId);
    }

    /// <summary>Logs the identity in with a plain sandbox username (no checkpoint) and waits until it is connected.</summary>
    public static async Task LogInAsync(LoadSystem system, Tenant tenant, string identityId)
    {
        var started = Expect.Status(await system.IdentityService.PostAsync($"/v1/identities/{identityId}/linkedin/login", tenant.AccessKey,
            new { username = $"load.{Guid.NewGuid():N}@example.com", password = "pw" }), 200, "login");
        var sessionId = started.Body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await EventuallyAsync(async () =>
        {
            var status = Expect.Status(await system.IdentityService.GetAsync($"/v1/identities/{identityId}/linkedin/status/{sessionId}", tenant.AccessKey), 200, "login status");
            return status.Body.GetProperty("login_result").GetProperty("status").GetString() switch
            {
                "connected" => true,
                "queued" or "in_progress" => false,
                _ => throw new InvalidOperationException($"login {sessionId} ended {status.Body}"),
            };
        }, $"identity {identityId} is connected");
    }

    /// <summary>The provider account invitation-service sends from for the identity, once it has consumed LinkedInConnected.</summary>
    public static async Task<string> SendingAccountAsync(LoadSystem system, string identityId)
    {
        var accountId = "";
        await EventuallyAsync(async () =>
        {
            await using var command = system.InvitationsDb.CreateCommand("SELECT provider_account_id FROM sending_accounts WHERE identity_id = $1 AND connected");
            command.Parameters.AddWithValue(identityId);
            accountId = await command.ExecuteScalarAsync() as string ?? "";
            return accountId.Length > 0;
        }, $"invitation-service knows identity {identityId}'s LinkedIn account");
        return accountId;
    }

    public static Task WaitForActiveSeatAsync(LoadSystem system, string seatId) =>
        EventuallyAsync(async () =>
        {
            await using var command = system.InvitationsDb.CreateCommand("SELECT count(*) FROM seat_views WHERE seat_id = $1 AND status = 'active'");
            command.Parameters.AddWithValue(seatId);
            return (long)(await command.ExecuteScalarAsync())! == 1;
        }, $"invitation-service sees seat {seatId} active");

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    public static Task ForEachAsync(int count, int parallel, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) => await body(i));

    public static string NewPerson() => "person-" + Guid.NewGuid().ToString("N")[..12];
}
