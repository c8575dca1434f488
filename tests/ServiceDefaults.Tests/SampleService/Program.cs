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
// A busy period in miniature: the heap grows by this many MB of short-lived buffers, all garbage once it answers.
app.MapPost("/burst/{mb:int}", (int mb) =>
{
    var buffers = new List<byte[]>(mb);
    for (var i = 0; i < mb; i++)
    {
        var buffer = new byte[1024 * 1024];
        Array.Fill(buffer, (byte)i);
        buffers.Add(buffer);
    }
    return Results.Ok(new { mb = buffers.Count });
});
app.Run();
