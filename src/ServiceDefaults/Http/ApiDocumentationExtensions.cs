using Microsoft.AspNetCore.Builder;

namespace Outreach.ServiceDefaults.Http;

/// <summary>OpenAPI at /openapi/v1.json and Swagger UI at /swagger, mapped in Development only.</summary>
public static class ApiDocumentationExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint(DocumentPath, app.Environment.ApplicationName);
        });
        return app;
    }
}
