namespace Outreach.Dashboard.Resources;

/// <summary>The Resources and Console logs pages and their API.</summary>
public static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/resources", (IDashboardResourceService resources) => Results.Json(resources.GetResources()));
    }
}
