using System.Text;

namespace Outreach.Dashboard.Resources;

/// <summary>The Resources, details and Console logs pages, and the resource half of the JSON API.</summary>
public static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", ResourcesPage.Render);
        app.MapGet("/resources/{name}", ResourceDetailsPage.Render);
        app.MapGet("/consolelogs", (HttpContext http, string? resource, IDashboardResourceService resources) => ConsoleLogsPage.Render(http, resource, resources));

        app.MapGet("/api/resources", (IDashboardResourceService resources) => Results.Json(resources.GetResources(), DashboardJson.Options));
        app.MapGet("/api/resources/{name}", GetResource);
        app.MapGet("/api/resources/{name}/console", GetConsole);
        app.MapGet("/api/resources/{name}/console/download", DownloadConsole);
        app.MapPost("/api/resources/{name}/commands/{command}", ExecuteCommand);
    }

    private static async Task<IResult> GetResource(string name, IDashboardResourceService resources, CancellationToken cancellationToken)
    {
        var resource = resources.GetResources().FirstOrDefault(candidate => candidate.Name == name);
        if (resource is null)
        {
            return NotFound(name);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var health = await resources.GetHealthReportAsync(name, timeout.Token);
        return Results.Json(new { resource, health_report = health }, DashboardJson.Options);
    }

    private static IResult GetConsole(string name, long? after, IDashboardResourceService resources)
    {
        if (!Exists(resources, name))
        {
            return NotFound(name);
        }

        var lines = resources.GetConsoleLines(name, after ?? 0);
        return Results.Json(new { lines, html = string.Concat(lines.Select(ConsoleLogsPage.Line)) }, DashboardJson.Options);
    }

    private static IResult DownloadConsole(string name, IDashboardResourceService resources)
    {
        if (!Exists(resources, name))
        {
            return NotFound(name);
        }

        var text = new StringBuilder();
        foreach (var line in resources.GetConsoleLines(name, after: 0))
        {
            text.Append(Pages.Html.Time(line.Timestamp)).Append(line.IsError ? " [stderr] " : " ").Append(line.Text).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", $"{name}-console.log");
    }

    private static async Task<IResult> ExecuteCommand(string name, string command, IDashboardResourceService resources, CancellationToken cancellationToken)
    {
        if (!ResourceCommands.All.Contains(command))
        {
            return Results.Problem(
                title: "Unknown command",
                detail: $"'{command}' is not a command; use start, stop or restart.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["command"] = ["Use start, stop or restart."] } });
        }

        if (!Exists(resources, name))
        {
            return NotFound(name);
        }

        try
        {
            await resources.ExecuteCommandAsync(name, command, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(title: "Command not available", detail: exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        var state = resources.GetResources().Where(candidate => candidate.Name == name || candidate.ResourceName == name).Select(candidate => candidate.StateText).ToList();
        return Results.Json(new { resource = name, command, states = state }, DashboardJson.Options);
    }

    private static bool Exists(IDashboardResourceService resources, string name) =>
        resources.GetResources().Any(candidate => candidate.Name == name || candidate.ResourceName == name);

    private static IResult NotFound(string name) =>
        Results.Problem(title: "Resource not found", detail: $"No resource is named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
