using System.Diagnostics;

namespace Outreach.Load.Bench;

/// <summary>One cross-service effect's samples: ms from the command's 2xx until the effect was visible in the other service.</summary>
internal sealed class PropagationSeries(string name)
{
    private readonly Lock _gate = new();
    private readonly List<double> _ms = [];

    public string Name { get; } = name;
    public int Failures { get; private set; }
    public List<string> FailureNotes { get; } = [];

    public void Add(double ms)
    {
        lock (_gate)
            _ms.Add(ms);
    }

    public void Fail(string note)
    {
        lock (_gate)
        {
            Failures++;
            if (FailureNotes.Count < 5)
                FailureNotes.Add(note);
        }
    }

    public PropagationResult Result()
    {
        List<double> sorted;
        lock (_gate)
            sorted = [.. _ms.Order()];
        return new PropagationResult(Name, sorted.Count, Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99), sorted.Count == 0 ? double.NaN : sorted[^1], Failures,
            [.. FailureNotes]);
    }
}

internal sealed record PropagationResult(string Effect, int Samples, double P50, double P99, double Max, int Failures, List<string> FailureNotes);

/// <summary>
/// The probes that run beside the load, each on seats of a probe account of their own (so their polls read small
/// lists), one sample at a time:
/// suspend → the seat's identity session ended (identity-service's check route says not connected) and
/// suspend → invitation sends stopped (invitation-service committed the seat as suspended, under its sender's gate);
/// invitation sent → the seat's daily_sent_count raised in seat-service's user-list;
/// migrate → the seat's identity answers under the target key in identity-service.
/// </summary>
internal sealed class Propagation
{
    public const string SuspendEndsSession = "suspend → identity session ended";
    public const string SuspendStopsSends = "suspend → invitation sends stopped";
    public const string SentRaisesCount = "invitation sent → daily_sent_count raised";
    public const string MigrateRehomes = "migrate → identities re-homed";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly LoadSystem _system;
    private readonly Tenant _probe;
    private readonly Tenant _migrationTarget;
    private readonly List<Sender> _suspendSeats;
    private readonly List<Sender> _sendingSeats;
    private readonly Sender _migratingSeat;

    private Propagation(LoadSystem system, Tenant probe, Tenant migrationTarget, List<Sender> suspendSeats, List<Sender> sendingSeats, Sender migratingSeat)
    {
        _system = system;
        _probe = probe;
        _migrationTarget = migrationTarget;
        _suspendSeats = suspendSeats;
        _sendingSeats = sendingSeats;
        _migratingSeat = migratingSeat;
    }

    /// <summary>The same probes with empty series, for another phase.</summary>
    public Propagation Restart() => new(_system, _probe, _migrationTarget, _suspendSeats, _sendingSeats, _migratingSeat) { _migrations = _migrations };

    public Dictionary<string, PropagationSeries> Series { get; } = new[] { SuspendEndsSession, SuspendStopsSends, SentRaisesCount, MigrateRehomes }
        .ToDictionary(n => n, n => new PropagationSeries(n));

    public static async Task<Propagation> PrepareAsync(LoadSystem system, int suspendSeats, int sendingSeats)
    {
        var probe = await Setup.NewTenantAsync(system, "load-probe");
        var (keyId, accessKey) = await Setup.NewKeyAsync(system, probe.AccountId);
        var target = new Tenant("load-probe (second key)", probe.AccountId, keyId, accessKey);
        var seats = new List<string>();
        for (var i = 0; i < suspendSeats + sendingSeats + 1; i++)
            Expect.Status(await system.SeatService.PostAsync(Setup.Manage, probe.AccessKey, new { action = "add", daily_limit = Setup.SenderDailyLimit }), 200, "add probe seat");
        var pending = Expect.Status(await system.SeatService.GetAsync("/user-list?status=pending", probe.AccessKey), 200, "user-list");
        seats.AddRange(pending.Body.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetString()!));
        var senders = new Sender[seats.Count];
        await Setup.ForEachAsync(seats.Count, 4, async i =>
        {
            await system.ActivateSeatAsync(seats[i]);
            senders[i] = await Setup.ConnectSenderAsync(system, probe, seats[i]);
        });
        return new Propagation(system, probe, target, [.. senders[..suspendSeats]], [.. senders[suspendSeats..^1]], senders[^1]);
    }

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(
        LoopAsync(SuspendOnceAsync, SuspendEndsSession, stop),
        LoopAsync(SendOnceAsync, SentRaisesCount, stop),
        LoopAsync(MigrateOnceAsync, MigrateRehomes, stop));

    private async Task LoopAsync(Func<int, Task> sample, string effect, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                await sample(i);
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException)
            {
                // A fault (a killed replica, say) may fail a probe's own setup step: counted, and the probe goes on.
                Series[effect].Fail(exception.Message);
                await Task.Delay(1000, CancellationToken.None);
            }
            await Task.Delay(Pause, CancellationToken.None);
        }
    }

    private async Task SuspendOnceAsync(int i)
    {
        var seat = _suspendSeats[i % _suspendSeats.Count];
        var suspended = await _system.SeatService.PostAsync(Setup.Manage, _probe.AccessKey, new { action = "suspend", user_id = seat.SeatId });
        var answered = Stopwatch.GetTimestamp();
        if (!suspended.IsSuccess)
        {
            Series[SuspendEndsSession].Fail($"suspend answered {suspended.Status}: {suspended.Body}");
            if (suspended.Status == 409)
                await ResetAsync(seat); // an earlier sample's reset was cut short by a fault
            return;
        }
        await Task.WhenAll(
            MeasureAsync(SuspendEndsSession, answered, async () =>
            {
                var check = await _system.IdentityService.GetAsync($"/v1/identities/{seat.IdentityId}/linkedin/check", _probe.AccessKey);
                return check.IsSuccess && !check.Body.GetProperty("connected").GetBoolean();
            }),
            MeasureAsync(SuspendStopsSends, answered, async () =>
            {
                await using var command = _system.InvitationsDb.CreateCommand("SELECT status FROM seat_views WHERE seat_id = $1");
                command.Parameters.AddWithValue(seat.SeatId);
                return await command.ExecuteScalarAsync() as string == "suspended";
            }));

        await ResetAsync(seat);
    }

    /// <summary>Back to where the next sample needs it, off the clock: unsuspended, its person through the connect flow again, logged in.</summary>
    private async Task ResetAsync(Sender seat)
    {
        Expect.Status(await _system.SeatService.PostAsync(Setup.Manage, _probe.AccessKey, new { action = "unsuspend", user_id = seat.SeatId }), 200, "unsuspend probe seat");
        await _system.ActivateSeatAsync(seat.SeatId);
        await Setup.WaitForActiveSeatAsync(_system, seat.SeatId);
        await Setup.LogInAsync(_system, _probe, seat.IdentityId);
    }

    private async Task SendOnceAsync(int i)
    {
        var seat = _sendingSeats[i % _sendingSeats.Count];
        var before = await SentCountAsync(seat.SeatId);
        var person = Setup.NewPerson();
        var profile = await _system.InvitationService.GetAsync($"/api/v1/users/{person}?account_id={seat.ProviderAccountId}", _probe.AccessKey);
        if (!profile.IsSuccess || before is null)
        {
            Series[SentRaisesCount].Fail($"profile answered {profile.Status}, count {before}");
            return;
        }
        var sent = await _system.InvitationService.PostAsync("/api/v1/users/invite", _probe.AccessKey,
            new { provider_id = profile.Text("provider_id"), account_id = seat.ProviderAccountId });
        var answered = Stopwatch.GetTimestamp();
        if (!sent.IsSuccess)
        {
            Series[SentRaisesCount].Fail($"invite answered {sent.Status}: {sent.Body}");
            return;
        }
        await MeasureAsync(SentRaisesCount, answered, async () => await SentCountAsync(seat.SeatId) > before);
    }

    private async Task<int?> SentCountAsync(string seatId)
    {
        var list = await _system.SeatService.GetAsync("/user-list?status=active", _probe.AccessKey);
        if (!list.IsSuccess)
            return null;
        foreach (var user in list.Body.GetProperty("users").EnumerateArray())
            if (user.GetProperty("id").GetString() == seatId)
                return user.GetProperty("daily_sent_count").GetInt32();
        return null;
    }

    private int _migrations;

    private async Task MigrateOnceAsync(int i)
    {
        // Counted across phases: the seat is under whichever key the last migration left it.
        var (from, to) = _migrations % 2 == 0 ? (_probe, _migrationTarget) : (_migrationTarget, _probe);
        var migrated = await _system.SeatService.PostAsync(Setup.Manage, from.AccessKey,
            new { action = "migrate", user_ids = new[] { _migratingSeat.SeatId }, target_access_key = to.AccessKey });
        var answered = Stopwatch.GetTimestamp();
        if (!migrated.IsSuccess)
        {
            Series[MigrateRehomes].Fail($"migrate answered {migrated.Status}: {migrated.Body}");
            await Task.Delay(1000);
            return;
        }
        _migrations++;
        await MeasureAsync(MigrateRehomes, answered, async () =>
            (await _system.IdentityService.GetAsync($"/v1/identities/{_migratingSeat.IdentityId}", to.AccessKey)).IsSuccess);
    }

    private async Task MeasureAsync(string effect, long answered, Func<Task<bool>> visible)
    {
        while (!await visible())
        {
            if (Stopwatch.GetElapsedTime(answered) > Patience)
            {
                Series[effect].Fail($"not visible after {Patience.TotalSeconds:0} s");
                return;
            }
            await Task.Delay(1);
        }
        Series[effect].Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
    }
}
