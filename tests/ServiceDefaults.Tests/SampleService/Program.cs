using MassTransit;
using Outreach.ServiceDefaults.SampleService;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("sampledb");
builder.Services.AddSingleton<PingBook>();
// No consumers named: SamplePingConsumer is found by convention in this (the entry) assembly.
builder.AddMessaging();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPost("/pings/{id:guid}", async (Guid id, IPublishEndpoint publisher) =>
{
    await publisher.Publish(new SamplePinged(id));
    return Results.Accepted();
});
app.MapGet("/pings/{id:guid}", (Guid id, PingBook book) =>
    book.TraceOf(id) is { } traceId ? Results.Ok(new PingSeen(id, traceId)) : Results.NotFound());
app.Run();
