using Outreach.ServiceDefaults.Database;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Database;

/// <summary>The breaker's rules: when it opens, whom it lets through while open, and what closes it.</summary>
public sealed class DatabaseBreakerTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();

    private DatabaseBreaker Opened()
    {
        var breaker = new DatabaseBreaker(_clock);
        for (var i = 0; i < DatabaseBreaker.FailureThreshold; i++)
            breaker.Failed(probe: false);
        return breaker;
    }

    [Fact]
    public void Fewer_failures_than_the_threshold_or_failures_spread_wider_than_the_window_keep_it_closed()
    {
        var breaker = new DatabaseBreaker(_clock);
        breaker.Failed(probe: false);
        breaker.Failed(probe: false);
        breaker.TryPass(out var probe).ShouldBeTrue();
        probe.ShouldBeFalse();

        _clock.Now += DatabaseBreaker.FailureWindow + TimeSpan.FromMilliseconds(1);
        breaker.Failed(probe: false);
        breaker.IsOpen.ShouldBeFalse("the first two failures fell out of the window");
    }

    [Fact]
    public void Once_open_it_refuses_everyone_until_the_probe_interval_then_lets_exactly_one_probe_through()
    {
        var breaker = Opened();
        breaker.IsOpen.ShouldBeTrue();
        breaker.TryPass(out _).ShouldBeFalse();

        _clock.Now += DatabaseBreaker.FirstProbeInterval;
        breaker.TryPass(out var probe).ShouldBeTrue();
        probe.ShouldBeTrue();
        breaker.TryPass(out _).ShouldBeFalse("one probe at a time");
    }

    [Fact]
    public void A_probe_that_gets_an_answer_closes_it()
    {
        var breaker = Opened();
        _clock.Now += DatabaseBreaker.FirstProbeInterval;
        breaker.TryPass(out var probe).ShouldBeTrue();

        breaker.Succeeded(probe);

        breaker.IsOpen.ShouldBeFalse();
        breaker.TryPass(out var next).ShouldBeTrue();
        next.ShouldBeFalse();
    }

    [Fact]
    public void A_failed_probe_waits_twice_as_long_before_the_next_up_to_the_maximum()
    {
        var breaker = Opened();
        var interval = DatabaseBreaker.FirstProbeInterval;
        for (var i = 0; i < 6; i++)
        {
            _clock.Now += interval;
            breaker.TryPass(out var probe).ShouldBeTrue($"probe {i + 1} after {interval}");
            breaker.Failed(probe);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, DatabaseBreaker.MaxProbeInterval.Ticks));
            _clock.Now += interval - TimeSpan.FromMilliseconds(1);
            breaker.TryPass(out _).ShouldBeFalse($"too early for probe {i + 2}");
            _clock.Now -= interval - TimeSpan.FromMilliseconds(1);
        }
        interval.ShouldBe(DatabaseBreaker.MaxProbeInterval);
        breaker.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void A_probe_that_did_not_reach_the_database_lets_the_next_caller_probe()
    {
        var breaker = Opened();
        _clock.Now += DatabaseBreaker.FirstProbeInterval;
        breaker.TryPass(out var probe).ShouldBeTrue();

        breaker.Abandoned(probe);

        breaker.TryPass(out var next).ShouldBeTrue();
        next.ShouldBeTrue();
    }

    [Fact]
    public void A_request_that_is_not_a_probe_does_not_close_it_even_if_it_succeeds()
    {
        var breaker = Opened();
        breaker.Succeeded(probe: false);
        breaker.IsOpen.ShouldBeTrue("it may not have used the database at all");
    }
}
