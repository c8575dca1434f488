using System.Text.Json;
using Outreach.SecretScan.Tests.Scan;
using Outreach.Testing.Http;

namespace Outreach.SecretScan.Tests.Scenario;

/// <summary>
/// One account's life through every service, with secrets whose values we know: the operator, dashboard and OTLP
/// tokens and the database and broker passwords; two access keys
/// and their secrets, used in every accepted form (x-access-key, X-API-KEY, X-API-KEY + X-API-SECRET, Bearer) and
/// once with an Idempotency-Key; a seat onboarded through its connect link (sign-up, LinkedIn password, a 2FA
/// checkpoint answered wrong twice, then right); a tenant identity's login and a login with a wrong password; the session
/// tokens the sandbox hands out; invitations sent directly and through the queue; the seat migrated to the second
/// key, suspended (its session wiped) and unsuspended (a new connect link).
/// </summary>
public sealed class FullScenario(ScanFixture system)
{
    private const string Manage = "/functions/v1/api-user-management";
    private readonly KnownSecrets _secrets = new();

    public KnownSecrets Secrets => _secrets;

    public async Task RunAsync()
    {
        _secrets.Add("operator token", system.App.OperatorToken);
        _secrets.Add("dashboard browser token", system.App.DashboardBrowserToken!);
        if (system.App.Services.GetService(typeof(Outreach.Dashboard.DashboardOptions)) is Outreach.Dashboard.DashboardOptions { OtlpApiKey: { } otlpKey })
            _secrets.Add("OTLP API key", otlpKey);
        // The infrastructure's own passwords: the services get them in connection strings, the dashboard shows those.
        _secrets.Add("database password", new Npgsql.NpgsqlConnectionStringBuilder(system.ConnectionString("seatsdb")).Password!);
        _secrets.Add("broker password", Uri.UnescapeDataString(new Uri(await system.BrokerAsync()).UserInfo.Split(':', 2)[1]));

        using var operatorClient = system.Operator();
        var account = (await operatorClient.SendJsonAsync(HttpMethod.Post, "/admin/accounts", new { name = "Scan Corp" })).Ok(201);
        var accountId = account.Id("account_id");
        // A client that retries key issuance safely sends an Idempotency-Key; the answer it replays holds the secret.
        var first = await IssueKeyAsync(operatorClient, accountId, new Dictionary<string, string> { ["Idempotency-Key"] = "issue-" + Guid.NewGuid().ToString("N") });
        var second = await IssueKeyAsync(operatorClient, accountId, null);

        var seatId = await OnboardSeatAsync(first);
        var tenantIdentity = await TenantLoginsAsync(second);
        var seatAccount = await ProviderAccountOfSeatAsync(seatId);
        await SessionTokenAsync(seatAccount);
        await SessionTokenAsync(await ProviderAccountOfIdentityAsync(tenantIdentity));
        await SendInvitationsAsync(first, seatAccount);
        await MigrateSuspendAndUnsuspendAsync(first, second, seatId, seatAccount);
    }

    private async Task<IssuedKey> IssueKeyAsync(HttpClient operatorClient, string accountId, IReadOnlyDictionary<string, string>? headers)
    {
        var key = (await operatorClient.SendJsonAsync(HttpMethod.Post, $"/admin/accounts/{accountId}/access-keys", null, headers)).Ok(201);
        var issued = new IssuedKey(accountId, key.Id("key_id"), key.Id("access_key"), key.Id("secret"));
        _secrets.Add("access key", issued.AccessKey);
        _secrets.Add("key secret", issued.Secret);
        return issued;
    }

    /// <summary>Adds a seat and walks its connect link to the end, 2FA included.</summary>
    private async Task<string> OnboardSeatAsync(IssuedKey key)
    {
        using var seats = system.Client(ScanFixture.SeatService, key.Form("x-access-key"));
        var added = (await seats.SendJsonAsync(HttpMethod.Post, Manage, new { action = "add", daily_limit = 50 },
            new Dictionary<string, string> { ["Idempotency-Key"] = "add-" + Guid.NewGuid().ToString("N") })).Ok(200);
        var connectUrl = added.Id("connect_url");
        _secrets.Add("connect-link token", new Uri(connectUrl).AbsolutePath.Split('/')[^1]);
        var seatId = (await seats.SendJsonAsync(HttpMethod.Get, "/user-list")).Ok(200).Body.GetProperty("users")[0].GetProperty("id").GetString()!;

        using var browser = new ConnectLinkBrowser(seats.BaseAddress!, connectUrl);
        Expect(await browser.SubmitAsync("signup", new Dictionary<string, string>
        {
            ["first_name"] = "Sam", ["last_name"] = "Scanner", ["email"] = "sam.scanner@scan-corp.example.com",
        }), 200, "sign-up");
        _secrets.Add("onboarding cookie", browser.OnboardingCookie);

        var password = _secrets.Add("LinkedIn password", "Seat-pw-" + Guid.NewGuid().ToString("N"));
        Expect(await browser.SubmitAsync("linkedin", new Dictionary<string, string> { ["username"] = "sam+2fa@scan-corp.example.com", ["password"] = password }), 200, "LinkedIn login");
        await Eventually.Async(async () => await browser.LoginStatusAsync() == "checkpoint", "the seat's login asks for a 2FA code");

        // Two wrong codes (of the three the sandbox allows), then the right one.
        foreach (var attempt in new[] { 1, 2 })
        {
            var wrong = _secrets.Add("wrong 2FA code", $"wrong{attempt}-" + Guid.NewGuid().ToString("N")[..12]);
            var (_, wrongPage) = await browser.SubmitAsync("linkedin/code", new Dictionary<string, string> { ["code"] = wrong });
            if (!wrongPage.Contains("attempts left", StringComparison.Ordinal))
                throw new InvalidOperationException("A wrong code was not refused: " + wrongPage);
        }
        Expect(await browser.SubmitAsync("linkedin/code", new Dictionary<string, string> { ["code"] = _secrets.Add("2FA code", system.CheckpointCode) }), 200, "right code");
        await Eventually.Async(async () => await browser.LoginStatusAsync() == "connected", "the seat's login connects");

        Expect(await browser.SubmitAsync("product", new Dictionary<string, string> { ["product"] = "Scanners that find secrets." }), 200, "product");
        Expect(await browser.SubmitAsync("profile", new Dictionary<string, string>
        {
            ["daily_limit"] = "50", ["time_zone"] = "Etc/UTC", ["start"] = "00:00", ["end"] = "23:59",
        }), 200, "profile");
        Expect(await browser.SubmitAsync("review", new Dictionary<string, string>()), 200, "review");
        // Complete waits for seat-service to have recorded LinkedInConnected (409 until then).
        await Eventually.Async(async () => (await browser.SubmitAsync("complete", new Dictionary<string, string>())).Status == 200
            && (await browser.GetAsync()).Status == 410, "the connect flow completes");
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb",
            "SELECT s.status FROM sending_accounts a JOIN seat_views s ON s.seat_id = a.seat_id WHERE a.seat_id = $1 AND a.connected", seatId) == "active",
            "invitation-service may send from the seat");
        return seatId;
    }

    /// <summary>A tenant identity connects with a known password (X-API-KEY); another login fails on a wrong one.</summary>
    private async Task<string> TenantLoginsAsync(IssuedKey key)
    {
        using var identities = system.Client(ScanFixture.IdentityService, key.Form("X-API-KEY"));
        var identityId = await NewIdentityAsync(identities);
        var password = _secrets.Add("LinkedIn password", "Tenant-pw-" + Guid.NewGuid().ToString("N"));
        var session = (await identities.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{identityId}/linkedin/login",
            new { username = "tina@scan-corp.example.com", password })).Ok(200).Body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await Eventually.Async(async () => await LoginStatusAsync(identities, identityId, session) == "connected", "the tenant identity connects");

        var failing = await NewIdentityAsync(identities);
        var wrong = _secrets.Add("LinkedIn password", "Wrong-pw-" + Guid.NewGuid().ToString("N"));
        var failedSession = (await identities.SendJsonAsync(HttpMethod.Post, $"/v1/identities/{failing}/linkedin/login",
            new { username = "walt+wrongpw@scan-corp.example.com", password = wrong })).Ok(200).Body.GetProperty("login_result").GetProperty("session_id").GetString()!;
        await Eventually.Async(async () => await LoginStatusAsync(identities, failing, failedSession) == "failed", "the wrong password fails");
        return identityId;
    }

    private static async Task<string> NewIdentityAsync(HttpClient identities) =>
        (await identities.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "Tina", lastName = "Tenant", role = "Sales" }))
            .Ok(200, 201).Body.GetProperty("identity").GetProperty("id").GetString()!;

    private static async Task<string> LoginStatusAsync(HttpClient identities, string identityId, string session) =>
        (await identities.SendJsonAsync(HttpMethod.Get, $"/v1/identities/{identityId}/linkedin/status/{session}"))
            .Ok(200).Body.GetProperty("login_result").GetProperty("status").GetString()!;

    private async Task<string> ProviderAccountOfSeatAsync(string seatId) =>
        await system.QueryAsync<string>("invitationsdb", "SELECT provider_account_id FROM sending_accounts WHERE seat_id = $1", seatId)
        ?? throw new InvalidOperationException("The seat has no sending account.");

    private async Task<string> ProviderAccountOfIdentityAsync(string identityId)
    {
        string? account = null;
        await Eventually.Async(async () => (account = await system.QueryAsync<string>("invitationsdb",
            "SELECT provider_account_id FROM sending_accounts WHERE identity_id = $1", identityId)) is not null, "the identity's sending account");
        return account!;
    }

    /// <summary>The token the provider holds for a connected account, asked of the sandbox.</summary>
    private async Task SessionTokenAsync(string providerAccountId)
    {
        using var sandbox = system.Client(ScanFixture.LinkedInSandbox);
        var account = JsonDocument.Parse(await sandbox.GetStringAsync($"/api/v1/accounts/{providerAccountId}")).RootElement;
        _secrets.Add("LinkedIn session token", account.GetProperty("session_token").GetString()!);
    }

    /// <summary>A direct send with key id + secret, a queued batch with Bearer; waits for the queue to send.</summary>
    private async Task SendInvitationsAsync(IssuedKey key, string accountId)
    {
        using var direct = system.Client(ScanFixture.InvitationService, key.Form("key id + secret"));
        var profile = (await direct.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/scan-recipient-one?account_id={accountId}")).Ok(200);
        (await direct.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite", new { provider_id = profile.Id("provider_id"), account_id = accountId, message = "Hello from the scan" })).Ok(200);

        using var queued = system.Client(ScanFixture.InvitationService, key.Form("Bearer"));
        var batch = (await queued.SendJsonAsync(HttpMethod.Post, "/v1/invitations/batch", new
        {
            account_id = accountId,
            invitations = new[] { new { public_identifier = "scan-queued-one" }, new { public_identifier = "scan-queued-two" } },
        })).Ok(202);
        var ids = batch.Body.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        foreach (var id in ids)
            await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb", "SELECT status FROM invitation_list WHERE invitation_id = $1", id)
                is "sent" or "accepted", $"queued invitation {id} is sent");
        await Eventually.Async(async () => await system.QueryAsync<long>("seatsdb", "SELECT coalesce(sum(daily_sent_count), 0)::bigint FROM seat_list") >= 3,
            "seat-service counted the sends");
    }

    /// <summary>Migrates the seat to the second key (its access key in the body), sends with it, suspends and unsuspends.</summary>
    private async Task MigrateSuspendAndUnsuspendAsync(IssuedKey from, IssuedKey to, string seatId, string accountId)
    {
        using (var seats = system.Client(ScanFixture.SeatService, from.Form("Bearer")))
            (await seats.SendJsonAsync(HttpMethod.Post, Manage, new { action = "migrate", user_ids = new[] { seatId }, target_access_key = to.AccessKey })).Ok(200);
        using var invitations = system.Client(ScanFixture.InvitationService, to.Form("x-access-key"));
        await Eventually.Async(async () => (await invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/scan-recipient-two?account_id={accountId}")).Status == 200,
            "the migrated seat's account answers under the new key");
        var profile = (await invitations.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/scan-recipient-two?account_id={accountId}")).Ok(200);
        (await invitations.SendJsonAsync(HttpMethod.Post, "/api/v1/users/invite", new { provider_id = profile.Id("provider_id"), account_id = accountId })).Ok(200);

        using var newOwner = system.Client(ScanFixture.SeatService, to.Form("key id + secret"));
        (await newOwner.SendJsonAsync(HttpMethod.Post, Manage, new { action = "suspend", user_id = seatId })).Ok(200);
        await Eventually.Async(async () => await system.QueryAsync<string>("invitationsdb", "SELECT status FROM seat_views WHERE seat_id = $1", seatId) == "suspended",
            "invitation-service knows the seat is suspended");
        var unsuspended = (await newOwner.SendJsonAsync(HttpMethod.Post, Manage, new { action = "unsuspend", user_id = seatId },
            new Dictionary<string, string> { ["Idempotency-Key"] = "unsuspend-" + Guid.NewGuid().ToString("N") })).Ok(200);
        _secrets.Add("connect-link token", new Uri(unsuspended.Id("connect_url")).AbsolutePath.Split('/')[^1]);
    }

    private static void Expect((int Status, string Html) page, int status, string step)
    {
        if (page.Status != status)
            throw new InvalidOperationException($"{step}: expected {status}, got {page.Status}: {page.Html[..Math.Min(page.Html.Length, 600)]}");
    }
}

public sealed record IssuedKey(string AccountId, string KeyId, string AccessKey, string Secret)
{
    /// <summary>One of the four accepted header forms of this key.</summary>
    public IReadOnlyDictionary<string, string> Form(string name) => name switch
    {
        "x-access-key" => new Dictionary<string, string> { ["x-access-key"] = AccessKey },
        "X-API-KEY" => new Dictionary<string, string> { ["X-API-KEY"] = AccessKey },
        "key id + secret" => new Dictionary<string, string> { ["X-API-KEY"] = KeyId, ["X-API-SECRET"] = Secret },
        "Bearer" => new Dictionary<string, string> { ["Authorization"] = "Bearer " + AccessKey },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
