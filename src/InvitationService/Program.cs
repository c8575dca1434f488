using Outreach.InvitationService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePerKeyRateLimits();
app.UseIdempotencyKeys();
app.MapInvitationServiceApi();
app.Run();
