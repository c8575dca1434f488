using System.Net.Http.Json;
using System.Text.Json;
using Outreach.ServiceDefaults.Http;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

public sealed class JsonConventionTests
{
    [Fact]
    public async Task Responses_are_snake_case_with_string_enums_and_no_nulls()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        var body = await app.Client.GetFromJsonAsync<JsonElement>("/things/7");

        body.GetProperty("display_name").GetString().ShouldBe("thing 7");
        body.GetProperty("kind").GetString().ShouldBe("pending_review");
        body.GetProperty("externalId").GetString().ShouldBe("ext-7");
        body.TryGetProperty("note", out _).ShouldBeFalse();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["display_name", "kind", "externalId"], ignoreOrder: true);
    }

    [Fact]
    public async Task Requests_are_read_in_snake_case()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsync("/seats",
            new StringContent("""{"name":"Ada","daily_limit":20,"kind":"pending_review"}""", System.Text.Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("display_name").GetString().ShouldBe("Ada");
        body.GetProperty("kind").GetString().ShouldBe("pending_review");
    }

    [Fact]
    public void The_shared_options_round_trip_the_same_convention()
    {
        var json = JsonSerializer.Serialize(new SeatView("x", null, SeatKind.Standard, "e"), JsonConventions.Options);

        json.ShouldBe("""{"display_name":"x","kind":"standard","externalId":"e"}""");
        JsonSerializer.Deserialize<SeatView>(json, JsonConventions.Options).ShouldBe(new SeatView("x", null, SeatKind.Standard, "e"));
    }
}
