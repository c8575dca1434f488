using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Resources;

/// <summary>
/// Aspire's Resources page: every instance (replicas individually) with type, state and health, start time,
/// restarts, URLs, PID, an error badge linking to its errors in the structured logs, and Stop/Start/Restart.
/// </summary>
internal static class ResourcesPage
{
    public static IResult Render(HttpContext http, IDashboardResourceService resources)
    {
        var errors = http.RequestServices.GetService<IResourceErrorCounts>();
        var rows = resources.GetResources().Select(resource => Row(resource, errors));
        var body = DashboardLayout.Live(
            DashboardLayout.Table(["Name", "Type", "State", "Start time", "Restarts", "URLs", "PID", "Errors", "Actions"], rows));
        return DashboardLayout.Page(http, "Resources", "/", body + """<p id="command-status" role="status" class="muted"></p>""");
    }

    private static string Row(DashboardResource resource, IResourceErrorCounts? errors)
    {
        var errorCount = errors?.ErrorCount(resource.ResourceName) ?? 0;
        var badge = errorCount == 0
            ? ""
            : $"""<a class="badge" href="/structuredlogs?resource={U(resource.ResourceName)}&amp;level=Error" title="{errorCount} error logs">{errorCount}</a>""";
        var urls = string.Join("<br>", resource.Urls.Select(url => $"""<a href="{E(url)}">{E(url)}</a>"""));
        var name = U(resource.Name);
        var actions = resource.Type == "PostgresDatabase"
            ? ""
            : $"""
              <button type="button" data-command="/api/resources/{name}/commands/stop" aria-label="Stop {E(resource.Name)}">Stop</button>
              <button type="button" data-command="/api/resources/{name}/commands/start" aria-label="Start {E(resource.Name)}">Start</button>
              <button type="button" data-command="/api/resources/{name}/commands/restart" aria-label="Restart {E(resource.Name)}">Restart</button>
              """;
        return $"""
            <tr data-resource="{E(resource.Name)}">
            <td><span class="swatch" style="background:{ColorOf(resource.ResourceName)}"></span><a href="/resources/{name}">{E(resource.Name)}</a></td>
            <td>{E(resource.Type)}</td>
            <td class="state state-{E(resource.State)}">{E(resource.StateText)}{(resource.Message is null ? "" : $"""<br><span class="muted">{E(resource.Message)}</span>""")}</td>
            <td>{Time(resource.StartTime)}</td>
            <td class="num">{resource.Restarts}</td>
            <td>{urls}</td>
            <td class="num">{resource.Pid}</td>
            <td>{badge}</td>
            <td>{actions} <a href="/resources/{name}">View details</a> <a href="/consolelogs?resource={name}">Console</a></td>
            </tr>
            """;
    }
}
