using Outreach.AppHost.Hosting.Orchestration;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Units;

public sealed class RestartBackoffTests
{
    [Fact]
    public void A_resource_that_keeps_crashing_waits_twice_as_long_each_time_up_to_thirty_seconds()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.NextDelay(TimeSpan.FromSeconds(1)).TotalSeconds).ToList();

        delays.ShouldBe([1, 2, 4, 8, 16, 30, 30]);
    }

    [Fact]
    public void A_resource_that_ran_for_a_while_before_crashing_is_restarted_quickly_again()
    {
        var backoff = new RestartBackoff();
        for (var crash = 0; crash < 4; crash++)
        {
            backoff.NextDelay(TimeSpan.FromSeconds(1));
        }

        backoff.NextDelay(TimeSpan.FromMinutes(5)).ShouldBe(TimeSpan.FromSeconds(1));
    }
}
