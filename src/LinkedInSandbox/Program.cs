using Outreach.LinkedInSandbox.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLinkedInSandbox();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLinkedInSandbox();
app.Run();
