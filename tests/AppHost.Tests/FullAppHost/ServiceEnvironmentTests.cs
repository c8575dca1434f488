using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.FullAppHost;

/// <summary>What each service process actually received, read from its /proc environment.</summary>
[Collection(RunningAppHostGroup.Name)]
public sealed class ServiceEnvironmentTests(RunningAppHost host)
{
    [Fact]
    public async Task A_service_gets_its_database_and_broker_as_aspire_connection_strings()
    {
        var environment = EnvironmentOf(Resources.SeatService);

        environment["ConnectionStrings__seatsdb"].ShouldBe(await host.App.GetConnectionStringAsync(Resources.SeatsDb));
        environment["ConnectionStrings__rabbitmq"].ShouldBe(await host.App.GetConnectionStringAsync(Resources.RabbitMq));
        environment["ConnectionStrings__seatsdb"].ShouldMatch("^Host=127\\.0\\.0\\.1;Port=\\d+;Username=postgres;Password=[A-Za-z0-9]+;SSL Mode=Disable;Database=seatsdb$");
        environment["ConnectionStrings__rabbitmq"].ShouldMatch("^amqp://[a-z]+:[A-Za-z0-9]+@127\\.0\\.0\\.1:\\d+$");
        environment.ShouldNotContainKey("ConnectionStrings__identitiesdb");
    }

    [Fact]
    public void A_service_gets_the_endpoints_of_the_services_it_references()
    {
        var environment = EnvironmentOf(Resources.InvitationService);

        environment["services__seat-service__http__0"].ShouldBe(host.App.GetEndpoint(Resources.SeatService).ToString().TrimEnd('/'));
        environment["services__identity-service__http__0"].ShouldBe(host.App.GetEndpoint(Resources.IdentityService).ToString().TrimEnd('/'));
    }

    [Theory]
    [InlineData(Resources.IdentityService)]
    [InlineData(Resources.InvitationService)]
    public void The_services_that_talk_to_linkedin_get_the_sandbox_endpoint(string service)
    {
        EnvironmentOf(service)["services__linkedin-sandbox__http__0"]
            .ShouldBe(host.App.GetEndpoint(Resources.LinkedInSandbox).ToString().TrimEnd('/'));
        EnvironmentOf(Resources.SeatService).ShouldNotContainKey("services__linkedin-sandbox__http__0");
    }

    [Fact]
    public void Only_the_seat_service_and_the_identity_service_receive_the_operator_token()
    {
        EnvironmentOf(Resources.SeatService)["Operator__Token"].ShouldBe(host.App.OperatorToken);
        // identity-service checks it on the /internal routes seat-service calls for the connect-link flow.
        EnvironmentOf(Resources.IdentityService)["Operator__Token"].ShouldBe(host.App.OperatorToken);
        EnvironmentOf(Resources.InvitationService).ShouldNotContainKey("Operator__Token");
        EnvironmentOf(Resources.LinkedInSandbox).ShouldNotContainKey("Operator__Token");
    }

    [Theory]
    [InlineData(Resources.SeatService)]
    [InlineData(Resources.IdentityService)]
    [InlineData(Resources.InvitationService)]
    [InlineData(Resources.LinkedInSandbox)]
    public void A_service_gets_its_telemetry_identity_url_and_environment(string service)
    {
        var environment = EnvironmentOf(service);

        environment["OTEL_SERVICE_NAME"].ShouldBe(service);
        environment["OTEL_RESOURCE_ATTRIBUTES"].ShouldBe($"service.instance.id={service}");
        environment["ASPNETCORE_URLS"].ShouldBe(host.App.GetEndpoint(service).ToString().TrimEnd('/'));
        environment["ASPNETCORE_URLS"].ShouldStartWith("http://127.0.0.1:");
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        environment["DOTNET_ENVIRONMENT"].ShouldBe("Development");
        // No OTLP endpoint is configured for this run, so no exporter is pointed anywhere.
        environment.ShouldNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    private Dictionary<string, string> EnvironmentOf(string service) =>
        ProcessInspector.Environment(host.App.ResourceNotifications.GetSnapshot(service)!.Pid!.Value);
}
