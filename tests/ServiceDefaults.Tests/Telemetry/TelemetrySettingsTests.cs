using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Outreach.ServiceDefaults.Telemetry;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Resource_attributes_are_split_and_percent_decoded()
    {
        TelemetryResource.ParseAttributes("service.instance.id=seat-1, deployment.environment=dev%20box,broken")
            .ShouldBe(new Dictionary<string, string>
            {
                ["service.instance.id"] = "seat-1",
                ["deployment.environment"] = "dev box",
            });
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        OtlpSettings.From(Configuration([])).ExportEnabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://127.0.0.1:4318/", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://collector/otlp", "http://collector/otlp/v1/traces")]
    public void Http_protobuf_is_the_default_and_appends_the_signal_path(string endpoint, string traces)
    {
        var settings = OtlpSettings.From(Configuration(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint }));

        settings.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
        var options = new OtlpExporterOptions();
        settings.ApplyTo(options, OtlpSignal.Traces);
        options.Endpoint.ShouldBe(new Uri(traces));
    }

    [Fact]
    public void An_unknown_protocol_is_refused_by_name()
    {
        Should.Throw<InvalidOperationException>(() => OtlpSettings.From(Configuration(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/json",
        }))).Message.ShouldContain("http/json");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
