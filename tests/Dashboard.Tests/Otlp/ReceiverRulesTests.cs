using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Outreach.Dashboard.Tests.Telemetry;
using Outreach.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Telemetry.Store;
using Outreach.Dashboard.Tests.Support;
using static Outreach.Dashboard.Tests.Otlp.OtlpPayloads;

namespace Outreach.Dashboard.Tests.Otlp;

/// <summary>What the receiver accepts and refuses: gzip, the API key, content types, broken payloads.</summary>
public sealed class ReceiverRulesTests
{
    [Fact]
    public async Task Gzipped_protobuf_and_gzipped_json_are_both_stored()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        var traceId = NewTraceId();

        using var protobuf = await client.PostProtobufAsync("/v1/traces", Traces(Resource("seat-service"), Span(traceId, NewSpanId(), null, "GET /user-list", TimeSpan.Zero, TimeSpan.FromMilliseconds(3))), gzip: true);
        using var json = await client.PostJsonAsync("/v1/logs", """{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"seat-service"}}]},"scopeLogs":[{"logRecords":[{"severityNumber":9,"body":{"stringValue":"zipped hello"}}]}]}]}""", gzip: true);

        protobuf.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        var repository = dashboard.Telemetry();
        repository.GetTrace(traceId).ShouldNotBeNull().Summary.Name.ShouldBe("GET /user-list");
        repository.GetLogs(new LogQuery()).Logs.Single().Message.ShouldBe("zipped hello");
    }

    [Fact]
    public async Task With_an_api_key_configured_a_missing_or_wrong_key_is_401_and_stores_nothing()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.OtlpApiKey = "otlp-secret-key");
        using var client = dashboard.CreateClient(authenticated: false);
        var request = Logs(Resource("seat-service"), Log(SeverityNumber.Error, "should not be stored"));

        using var missing = await client.PostProtobufAsync("/v1/logs", request);
        using var wrong = await client.PostProtobufAsync("/v1/logs", request, apiKey: "otlp-secret-kez");
        using var browserTokenIsNotEnough = await dashboard.CreateClient().PostProtobufAsync("/v1/logs", request);

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        browserTokenIsNotEnough.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        dashboard.Telemetry().LogCount("seat-service").ShouldBe(0);
    }

    [Fact]
    public async Task With_the_right_api_key_every_signal_is_accepted()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync(o => o.OtlpApiKey = "otlp-secret-key");
        using var client = dashboard.CreateClient(authenticated: false);

        using var logs = await client.PostProtobufAsync("/v1/logs", Logs(Resource("seat-service"), Log(SeverityNumber.Error, "stored")), apiKey: "otlp-secret-key");
        using var traces = await client.PostProtobufAsync("/v1/traces", new ExportTraceServiceRequest(), apiKey: "otlp-secret-key");
        using var metrics = await client.PostJsonAsync("/v1/metrics", "{}", apiKey: "otlp-secret-key");

        (logs.StatusCode, traces.StatusCode, metrics.StatusCode).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK));
        dashboard.Telemetry().ErrorLogCount("seat-service").ShouldBe(1);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/grpc")]
    [InlineData("application/xml")]
    public async Task Another_content_type_is_415(string contentType)
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);

        using var response = await client.PostBytesAsync("/v1/traces", Encoding.UTF8.GetBytes("{}"), contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/x-protobuf", "not a protobuf message \u00ff\u00ff\u00ff")]
    [InlineData("application/json", "{\"resourceSpans\": [ {")]
    [InlineData("application/json", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"not-hex\",\"spanId\":\"00\"}]}]}]}")]
    [InlineData("application/json", "{\"resourceSpans\":\"should be an array\"}")]
    public async Task A_payload_that_does_not_decode_is_400_problem_json(string contentType, string body)
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);

        using var response = await client.PostBytesAsync("/v1/traces", Encoding.Latin1.GetBytes(body), contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("ExportTraceServiceRequest");
    }

    [Fact]
    public async Task A_body_that_says_gzip_but_is_not_is_400()
    {
        await using var dashboard = await StandaloneDashboard.StartAsync();
        using var client = dashboard.CreateClient(authenticated: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new ByteArrayContent([1, 2, 3, 4, 5, 6, 7, 8]) };
        request.Content.Headers.ContentType = new("application/x-protobuf");
        request.Content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
