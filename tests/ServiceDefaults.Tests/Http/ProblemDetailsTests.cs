using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.ServiceDefaults.Tests.Support;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Http;

public sealed class ProblemDetailsTests
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task An_exception_in_an_endpoint_answers_500_problem_details_without_the_exception(string environment)
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map, environment: environment);

        using var response = await app.Client.GetAsync("/boom");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(SampleApi.LeakySecret);
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain(" at ");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(500);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("trace_id").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.TryGetProperty("detail", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"name":"a","daily_limit":}""", "daily_limit")]
    [InlineData("""{"name":"a","daily_limit":"many"}""", "daily_limit")]
    [InlineData("""{"name":"a","daily_limit":5,"kind":"giant"}""", "kind")]
    [InlineData("""{"name":"a","daily_limit":5,"kind":2}""", "kind")]
    public async Task A_body_that_cannot_be_read_answers_400_naming_the_field(string body, string field)
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsync("/seats", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors should name '{field}': {errors}");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("trace_id").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_missing_required_property_answers_400_naming_it()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsync("/profiles", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("first_name")[0].GetString().ShouldBe("A value is required.");
    }

    [Fact]
    public async Task A_missing_body_answers_400_naming_the_parameter()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsync("/seats", new StringContent("", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("request", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_answers_400_naming_it_without_echoing_it()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.GetAsync("/items?limit=lots-and-lots");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("lots-and-lots");
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue(text);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_problem_details()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.GetAsync("/no/such/route");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_wrong_method_answers_405_problem_details()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.DeleteAsync("/things/1");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(405);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415_problem_details()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsync("/seats", new StringContent("name=a", Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
    }

    [Fact]
    public async Task Validation_errors_answer_422_with_every_field_and_message()
    {
        await using var app = await TestApp.StartAsync(SampleApi.Map);

        using var response = await app.Client.PostAsJsonAsync("/seats", new { name = " ", daily_limit = 500 });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(422);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("name")[0].GetString().ShouldBe("A name is required.");
        errors.GetProperty("daily_limit")[0].GetString().ShouldBe("Must be between 1 and 100.");
    }
}
