using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outreach.EventSourcing.Tests.Domain;
using Outreach.EventSourcing.Tests.Support;
using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Http;

[Collection(SharedInfrastructure.Name)]
public sealed class ConflictResponseTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_lost_race_is_answered_409_problem_json_with_the_versions_and_no_stack_trace()
    {
        var db = await fixture.CreateDatabaseAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();
        builder.Services.AddEventStore(o => o.Connection(db));
        await using var app = builder.Build();
        app.UseExceptionHandler();
        app.MapPost("/accounts/{id}/deposits", async (string id, long expectedVersion, IDocumentSession session) =>
        {
            session.Events.Append(id, expectedVersion, new MoneyDeposited(id, 1m));
            await session.SaveChangesAsync();
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        (await http.PostAsync("/accounts/acc_1/deposits?expectedVersion=1", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var conflict = await http.PostAsync("/accounts/acc_1/deposits?expectedVersion=1", null);

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflict.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await conflict.Content.ReadAsStringAsync();
        body.ShouldNotContain("at Outreach");
        body.ShouldNotContain("Exception");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(409);
        problem.GetProperty("streamId").GetString().ShouldBe("acc_1");
        problem.GetProperty("expectedVersion").GetInt64().ShouldBe(0);
        problem.GetProperty("actualVersion").GetInt64().ShouldBe(1);
        await app.StopAsync();
    }
}
