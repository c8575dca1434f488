using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Configuration;

public sealed class ReplicaFailoverTests
{
    [Fact]
    public async Task With_one_of_two_seat_service_replicas_killed_the_other_services_still_check_new_keys()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>(["--Replicas:seat-service=2"]);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("seat-service-0", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("seat-service-1", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(Resources.IdentityService, timeout.Token);

        // A key identity-service has never seen, so its answer cannot come from the key cache: it must ask seat-service.
        var survivor = app.ResourceNotifications.GetSnapshot("seat-service-1")!.Urls[0];
        using var operatorClient = new HttpClient { BaseAddress = new Uri(survivor) };
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.OperatorToken);
        using var account = await operatorClient.PostAsJsonAsync("/admin/accounts", new { name = "failover" });
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account_id").GetString();
        using var issued = await operatorClient.PostAsync(new Uri($"/admin/accounts/{accountId}/access-keys", UriKind.Relative), null);
        var accessKey = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_key").GetString()!;

        using (var victim = Process.GetProcessById(app.ResourceNotifications.GetSnapshot("seat-service-0")!.Pid!.Value))
            victim.Kill();

        using var identities = app.CreateHttpClient(Resources.IdentityService);
        identities.DefaultRequestHeaders.Add("x-access-key", accessKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await identities.GetAsync(new Uri("/v1/identities", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }
        statuses.ShouldAllBe(status => status == HttpStatusCode.OK);
    }
}
