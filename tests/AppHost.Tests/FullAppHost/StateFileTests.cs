using System.Text.Json;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.FullAppHost;

[Collection(RunningAppHostGroup.Name)]
public sealed class StateFileTests(RunningAppHost host)
{
    [Fact]
    public void The_state_file_lists_every_resource_with_state_health_pid_and_urls()
    {
        using var document = StateFileReader.TryRead(Path.Combine(host.App.DataDirectory.Path, "apphost.json"));

        document.ShouldNotBeNull();
        var resources = StateFileReader.Resources(document).ToDictionary(resource => resource.GetProperty("name").GetString()!);
        resources.Keys.ShouldBe(Resources.All, ignoreOrder: true);
        resources.Values.ShouldAllBe(resource => resource.GetProperty("state").GetString() == "Running");
        resources.Values.ShouldAllBe(resource => resource.GetProperty("health").GetString() == "Healthy");
        resources[Resources.Postgres].GetProperty("type").GetString().ShouldBe("Postgres");
        resources[Resources.SeatService].GetProperty("type").GetString().ShouldBe("Project");
        resources[Resources.SeatService].GetProperty("pid").GetInt32()
            .ShouldBe(host.App.ResourceNotifications.GetSnapshot(Resources.SeatService)!.Pid!.Value);
        resources[Resources.SeatService].GetProperty("urls")[0].GetString().ShouldStartWith("http://127.0.0.1:");
        resources[Resources.SeatsDb].GetProperty("pid").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void The_state_file_carries_the_operator_token_and_an_empty_dashboard()
    {
        using var document = StateFileReader.TryRead(host.App.StateFile.Path)!;

        document.RootElement.GetProperty("operator_token").GetString().ShouldBe(host.App.StateFile.OperatorToken);
        host.App.StateFile.OperatorToken.Length.ShouldBeGreaterThanOrEqualTo(32);
        document.RootElement.GetProperty("dashboard").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Later_features_can_publish_the_demo_account_and_the_dashboard()
    {
        // The provisioned demo must be in place first, or it could overwrite this test's value midway.
        var provisioned = await host.WaitForDemoAsync();
        host.App.StateFile.SetDashboard(new DashboardInfo("http://127.0.0.1:18888", "http://127.0.0.1:18888/login?t=x"));
        host.App.StateFile.SetDemo(new DemoInfo("acc_1", "key_1"));
        try
        {
            using var document = StateFileReader.TryRead(host.App.StateFile.Path)!;

            document.RootElement.GetProperty("dashboard").GetProperty("login_url").GetString().ShouldBe("http://127.0.0.1:18888/login?t=x");
            document.RootElement.GetProperty("demo").GetProperty("account_id").GetString().ShouldBe("acc_1");
            document.RootElement.GetProperty("demo").GetProperty("access_key").GetString().ShouldBe("key_1");
        }
        finally
        {
            host.App.StateFile.SetDashboard(null);
            host.App.StateFile.SetDemo(provisioned);
        }
    }

    [Fact]
    public void The_state_file_is_readable_by_its_owner_only()
    {
        File.GetUnixFileMode(host.App.StateFile.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
