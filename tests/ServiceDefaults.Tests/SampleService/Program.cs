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
// The C heap's side of a busy period: this many MB of small malloc'd blocks, all freed again except the last one, which
// pins the top of the heap so the allocator cannot shrink it by itself. Native libraries leave the same holes.
app.MapPost("/native-burst/{mb:int}", (int mb) =>
{
    const int blockBytes = 1024;
    var fill = new byte[blockBytes];
    Array.Fill(fill, (byte)0x5a);
    var blocks = new IntPtr[mb * (1024 * 1024 / blockBytes)];
    for (var i = 0; i < blocks.Length; i++)
    {
        blocks[i] = System.Runtime.InteropServices.Marshal.AllocHGlobal(blockBytes);
        System.Runtime.InteropServices.Marshal.Copy(fill, 0, blocks[i], blockBytes);
    }
    for (var i = 0; i < blocks.Length - 1; i++)
        System.Runtime.InteropServices.Marshal.FreeHGlobal(blocks[i]);
    NativeBurstPin.Block = blocks[^1];
    return Results.Ok(new { mb });
});
app.Run();

internal static class NativeBurstPin
{
    /// <summary>The one block a native burst keeps, as a long-lived native object would.</summary>
    public static IntPtr Block { get; set; }
}
