using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Resources;

/// <summary>View details: state, endpoints, the environment the AppHost gave (secrets masked) and the health report.</summary>
internal static class ResourceDetailsPage
{
    public static async Task<IResult> Render(HttpContext http, string name, IDashboardResourceService resources)
    {
        var resource = resources.GetResources().FirstOrDefault(candidate => candidate.Name == name);
        if (resource is null)
        {
            return DashboardLayout.Page(http, "Resource not found", "/", $"<p>No resource is named {E(name)}.</p>", StatusCodes.Status404NotFound);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var health = await resources.GetHealthReportAsync(name, timeout.Token);
        var summary = DashboardLayout.Table(
            ["Property", "Value"],
            [
                $"<tr><td>Type</td><td>{E(resource.Type)}</td></tr>",
                $"<tr><td>State</td><td class=\"state-{E(resource.State)}\">{E(resource.StateText)}</td></tr>",
                $"<tr><td>Start time</td><td>{Time(resource.StartTime)}</td></tr>",
                $"<tr><td>Restarts</td><td>{resource.Restarts}</td></tr>",
                $"<tr><td>PID</td><td>{resource.Pid}</td></tr>",
                $"<tr><td>Exit code</td><td>{resource.ExitCode}</td></tr>",
                $"<tr><td>Message</td><td>{E(resource.Message)}</td></tr>",
            ]);
        var endpoints = resource.Urls.Count == 0
            ? "<p class=\"muted\">No endpoints.</p>"
            : $"<ul>{string.Concat(resource.Urls.Select(url => $"<li><a href=\"{E(url)}\">{E(url)}</a></li>"))}</ul>";
        var environment = resource.Environment.Count == 0
            ? "<p class=\"muted\">Nothing set by the AppHost.</p>"
            : DashboardLayout.Table(["Name", "Value"], resource.Environment.Select(pair => $"<tr><td class=\"mono\">{E(pair.Key)}</td><td class=\"mono\">{E(pair.Value)}</td></tr>"));
        var body = $"""
            <p><a href="/">← Resources</a> · <a href="/consolelogs?resource={U(name)}">Console logs</a> · <a href="/structuredlogs?resource={U(resource.ResourceName)}">Structured logs</a></p>
            {summary}
            <h2>Endpoints</h2>{endpoints}
            <h2>Health report</h2><pre id="health-report">{E(health ?? "No health report for this resource.")}</pre>
            <h2>Environment</h2>{environment}
            """;
        return DashboardLayout.Page(http, resource.Name, "/", body);
    }
}
