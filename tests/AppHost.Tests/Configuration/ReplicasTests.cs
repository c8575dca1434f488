using System.Net;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Configuration;

public sealed class ReplicasTests
{
    private const string OtlpEndpoint = "http://127.0.0.1:4318";

    [Fact]
    public async Task Replicas_each_run_on_their_own_port_and_referencing_services_get_every_endpoint()
    {
        // One run checks two settings (replicas, and an OTLP endpoint for the dashboard): each full start costs seconds.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Outreach_AppHost>(["--Replicas:seat-service=2", $"--Dashboard:OtlpEndpoint={OtlpEndpoint}"]);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(Resources.StartTimeout);

        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(Resources.SeatService, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(Resources.InvitationService, timeout.Token);

        var replicas = app.ResourceNotifications.GetSnapshots().Where(snapshot => snapshot.ResourceName == Resources.SeatService).ToList();
        replicas.Select(replica => replica.Name).ShouldBe(["seat-service-0", "seat-service-1"]);
        replicas.Select(replica => replica.Urls[0]).Distinct().Count().ShouldBe(2);
        using var http = new HttpClient();
        foreach (var replica in replicas)
        {
            (await http.GetAsync(new Uri($"{replica.Urls[0]}/health"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var environment = ProcessInspector.Environment(app.ResourceNotifications.GetSnapshot(Resources.InvitationService)!.Pid!.Value);
        environment["services__seat-service__http__0"].ShouldBe(replicas[0].Urls[0]);
        environment["services__seat-service__http__1"].ShouldBe(replicas[1].Urls[0]);
        ProcessInspector.Environment(replicas[1].Pid!.Value)["OTEL_RESOURCE_ATTRIBUTES"].ShouldBe("service.instance.id=seat-service-1");
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"].ShouldBe(OtlpEndpoint);
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"].ShouldBe("http/protobuf");
    }
}
