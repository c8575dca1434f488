using Outreach.AppHost.Hosting;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Units;

public sealed class AppHostArgumentsTests
{
    [Fact]
    public void Data_dir_and_fresh_are_the_apphosts_own_and_the_rest_is_configuration()
    {
        var parsed = AppHostArguments.Parse(["--data-dir", "/srv/outreach", "--fresh", "--Replicas:seat-service=2"]);

        parsed.DataDirectory.ShouldBe("/srv/outreach");
        parsed.Fresh.ShouldBeTrue();
        parsed.Remaining.ShouldBe(["--Replicas:seat-service=2"]);
    }

    [Fact]
    public void Data_dir_may_be_given_with_an_equals_sign()
    {
        var parsed = AppHostArguments.Parse(["--data-dir=/tmp/x"]);

        parsed.DataDirectory.ShouldBe("/tmp/x");
        parsed.Fresh.ShouldBeFalse();
    }

    [Fact]
    public void Rotate_operator_token_is_a_verb_that_keeps_the_data_dir()
    {
        var parsed = AppHostArguments.Parse(["rotate-operator-token", "--data-dir", "/srv/outreach"]);

        parsed.RotateOperatorToken.ShouldBeTrue();
        parsed.DataDirectory.ShouldBe("/srv/outreach");
        AppHostArguments.Parse(["--data-dir", "/srv/outreach"]).RotateOperatorToken.ShouldBeFalse();
    }
}
