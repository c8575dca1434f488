using System.Net;
using System.Text.Json;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.FullAppHost;

/// <summary>WithDemoAccount(): on the first run apphost.json gets a demo account whose key works on seat-service.</summary>
[Collection(RunningAppHostGroup.Name)]
public sealed class DemoAccountTests(RunningAppHost host)
{
    [Fact]
    public async Task The_state_file_names_a_demo_account_whose_access_key_lists_users_on_seat_service()
    {
        await host.WaitForDemoAsync();
        using var document = StateFileReader.TryRead(host.App.StateFile.Path)!;
        var demo = StateFileReader.Demo(document)!.Value;
        using var http = host.App.CreateHttpClient(Resources.SeatService);

        demo.AccountId.ShouldStartWith("acc_");
        using var response = await GetUserListAsync(http, demo.AccessKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("users").ValueKind.ShouldBe(JsonValueKind.Array);
        // The same route refuses a key it does not know, so the 200 above is the demo key's doing.
        using var refused = await GetUserListAsync(http, "not-a-key");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_demo_account_and_key_are_kept_owner_only_in_the_data_directory()
    {
        var demo = await host.WaitForDemoAsync();
        var path = Path.Combine(host.App.DataDirectory.Path, "demo.json");

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var stored = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        stored.RootElement.GetProperty("account_id").GetString().ShouldBe(demo.AccountId);
        stored.RootElement.GetProperty("access_key").GetString().ShouldBe(demo.AccessKey);
        stored.RootElement.GetProperty("key_id").GetString().ShouldNotBeNullOrEmpty();
    }

    private static async Task<HttpResponseMessage> GetUserListAsync(HttpClient http, string accessKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/user-list");
        request.Headers.Add("x-access-key", accessKey);
        return await http.SendAsync(request);
    }
}
