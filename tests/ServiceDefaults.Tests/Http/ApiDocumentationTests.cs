using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

public sealed class ApiDocumentationTests
{
    [Fact]
    public async Task Development_serves_the_openapi_document_in_the_json_convention_and_swagger_ui()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map, environment: "Development");

        var document = await app.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        document.GetProperty("paths").TryGetProperty("/things/{id}", out _).ShouldBeTrue();
        var seatView = document.GetProperty("components").GetProperty("schemas").GetProperty("SeatView");
        seatView.GetProperty("properties").TryGetProperty("display_name", out _).ShouldBeTrue(seatView.ToString());

        using var swagger = await app.Client.GetAsync("/swagger/index.html");
        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
        swagger.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Production_serves_neither()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map, environment: "Production");

        (await app.Client.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
