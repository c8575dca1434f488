using Outreach.IdentityService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePerKeyRateLimits();
app.UseIdempotencyKeys();
app.MapIdentityServiceApi();
app.Run();
