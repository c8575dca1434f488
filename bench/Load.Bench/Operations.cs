namespace Outreach.Load.Bench;

/// <summary>
/// Every route the workload drives, one method each, on a tenant picked by the caller. Commands keep the tenant's
/// pools right (suspend takes an active seat, unsuspend a suspended one) so the only refusals are the documented
/// ones; an unsuspended seat is made active again off the clock, as its person finishing the connect flow would.
/// </summary>
/// <remarks>With <paramref name="reactivateLive"/> off the reactivations wait for <see cref="SettleAsync"/>, so a saturation run measures the route alone.</remarks>
internal sealed class Operations(LoadSystem system, Recorder recorder, bool reactivateLive)
{
    public const string UserList = "GET /user-list";
    public const string ListIdentities = "GET /v1/identities";
    public const string ListInvitations = "GET /v1/invitations";
    public const string ListSent = "GET /api/v1/users/invite/sent";
    public const string Profile = "GET /api/v1/users/{identifier}";
    public const string Add = "POST user-management add";
    public const string Suspend = "POST user-management suspend";
    public const string Unsuspend = "POST user-management unsuspend";
    public const string CreateIdentity = "POST /v1/identities";
    public const string Login = "POST /v1/identities/{id}/linkedin/login";
    public const string Invite = "POST /api/v1/users/invite";
    public const string Batch = "POST /v1/invitations/batch";

    // Shared by every phase: at most four reactivations at once, whoever asks.
    private static readonly SemaphoreSlim Reactivating = new(4);
    private readonly List<Task> _reactivations = [];
    private readonly List<(Tenant Tenant, string SeatId)> _deferred = [];

    public Recorder Recorder => recorder;

    public Task<Outcome> UserListAsync(Tenant t) =>
        recorder.TimeAsync(UserList, RouteKind.Read, () => system.SeatService.GetAsync("/user-list?status=active", t.AccessKey));

    public Task<Outcome> ListIdentitiesAsync(Tenant t) =>
        recorder.TimeAsync(ListIdentities, RouteKind.Read, () => system.IdentityService.GetAsync("/v1/identities", t.AccessKey));

    public Task<Outcome> ListInvitationsAsync(Tenant t) =>
        recorder.TimeAsync(ListInvitations, RouteKind.Read, () => system.InvitationService.GetAsync($"/v1/invitations?account_id={t.NextSender().ProviderAccountId}", t.AccessKey));

    public Task<Outcome> ListSentAsync(Tenant t) =>
        recorder.TimeAsync(ListSent, RouteKind.Read, () => system.InvitationService.GetAsync($"/api/v1/users/invite/sent?account_id={t.NextSender().ProviderAccountId}&limit=50", t.AccessKey));

    public Task<Outcome> ProfileAsync(Tenant t, Sender sender, string person) =>
        recorder.TimeAsync(Profile, RouteKind.Read, () => system.InvitationService.GetAsync($"/api/v1/users/{person}?account_id={sender.ProviderAccountId}", t.AccessKey));

    public Task<Outcome> AddAsync(Tenant t) =>
        recorder.TimeAsync(Add, RouteKind.Command, () => system.SeatService.PostAsync(Setup.Manage, t.AccessKey, new { action = "add", daily_limit = 25 }));

    /// <summary>Suspends one of the tenant's active seats (adds a seat when it has none left).</summary>
    public async Task<Outcome> SuspendAsync(Tenant t)
    {
        if (!t.Active.TryDequeue(out var seatId))
            return await AddAsync(t);
        var outcome = await recorder.TimeAsync(Suspend, RouteKind.Command, () => system.SeatService.PostAsync(Setup.Manage, t.AccessKey, new { action = "suspend", user_id = seatId }));
        (outcome.IsSuccess ? t.Suspended : t.Active).Enqueue(seatId);
        return outcome;
    }

    /// <summary>Unsuspends one of the seats the workload suspended (suspends one when there is none yet).</summary>
    public async Task<Outcome> UnsuspendAsync(Tenant t)
    {
        if (!t.Suspended.TryDequeue(out var seatId))
            return await SuspendAsync(t);
        var outcome = await recorder.TimeAsync(Unsuspend, RouteKind.Command, () => system.SeatService.PostAsync(Setup.Manage, t.AccessKey, new { action = "unsuspend", user_id = seatId }));
        if (outcome.IsSuccess)
            Reactivate(t, seatId);
        else
            t.Suspended.Enqueue(seatId);
        return outcome;
    }

    public async Task<Outcome> CreateIdentityAsync(Tenant t)
    {
        var outcome = await recorder.TimeAsync(CreateIdentity, RouteKind.Command, () => system.IdentityService.PostAsync("/v1/identities", t.AccessKey,
            new { firstName = "Load", lastName = "Person", role = "Sales" }));
        if (outcome.IsSuccess && outcome.Body.GetProperty("identity").GetProperty("id").GetString() is { } id)
            t.FreshIdentities.Enqueue(id);
        return outcome;
    }

    /// <summary>Starts the LinkedIn login of an identity the workload created (creates one when there is none yet).</summary>
    public async Task<Outcome> LoginAsync(Tenant t)
    {
        if (!t.FreshIdentities.TryDequeue(out var identityId))
            return await CreateIdentityAsync(t);
        return await recorder.TimeAsync(Login, RouteKind.Command, () => system.IdentityService.PostAsync($"/v1/identities/{identityId}/linkedin/login", t.AccessKey,
            new { username = $"load.{Guid.NewGuid():N}@example.com", password = "pw" }));
    }

    /// <summary>Looks a new person up through one of the tenant's senders (a read) and invites them (a command).</summary>
    public async Task<Outcome> InviteAsync(Tenant t)
    {
        var sender = t.NextSender();
        var profile = await ProfileAsync(t, sender, Setup.NewPerson());
        if (!profile.IsSuccess)
            return profile;
        return await InviteAsync(t, sender, profile.Text("provider_id")!);
    }

    public Task<Outcome> InviteAsync(Tenant t, Sender sender, string providerId) =>
        recorder.TimeAsync(Invite, RouteKind.Command, () => system.InvitationService.PostAsync("/api/v1/users/invite", t.AccessKey,
            new { provider_id = providerId, account_id = sender.ProviderAccountId }));

    /// <summary>Queues two invitations by public identifier; the sender resolves and sends them off the clock.</summary>
    public Task<Outcome> BatchAsync(Tenant t)
    {
        var sender = t.NextSender();
        return recorder.TimeAsync(Batch, RouteKind.Command, () => system.InvitationService.PostAsync("/v1/invitations/batch", t.AccessKey, new
        {
            account_id = sender.ProviderAccountId,
            invitations = new[] { new { public_identifier = Setup.NewPerson() }, new { public_identifier = Setup.NewPerson() } },
        }));
    }

    private void Reactivate(Tenant t, string seatId)
    {
        if (!reactivateLive)
        {
            lock (_deferred)
                _deferred.Add((t, seatId));
            return;
        }
        var task = Task.Run(async () =>
        {
            await Reactivating.WaitAsync();
            try
            {
                await system.ActivateSeatAsync(seatId);
                t.Active.Enqueue(seatId);
            }
            finally
            {
                Reactivating.Release();
            }
        });
        lock (_reactivations)
            _reactivations.Add(task);
    }

    /// <summary>Waits for the off-the-clock reactivations, so the next phase finds its seats active.</summary>
    public async Task SettleAsync()
    {
        Task[] pending;
        lock (_reactivations)
            pending = [.. _reactivations];
        await Task.WhenAll(pending);
        List<(Tenant Tenant, string SeatId)> deferred;
        lock (_deferred)
        {
            deferred = [.. _deferred];
            _deferred.Clear();
        }
        await Setup.ForEachAsync(deferred.Count, 4, async i =>
        {
            await system.ActivateSeatAsync(deferred[i].SeatId);
            deferred[i].Tenant.Active.Enqueue(deferred[i].SeatId);
        });
    }
}
