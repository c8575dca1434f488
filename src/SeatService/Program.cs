using Outreach.SeatService;
using Outreach.SeatService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePerKeyRateLimits();
app.UseIdempotencyKeys();
app.UseEventMetadata();
app.UseAntiforgery();
app.MapSeatServiceApi();
app.Run();
