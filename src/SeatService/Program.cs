using Outreach.SeatService;
using Outreach.SeatService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.UseEventMetadata();
app.UseAntiforgery();
app.MapSeatServiceApi();
app.Run();
