using Outreach.Dashboard.Pages;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Resources;

/// <summary>
/// Console logs: one instance's stdout and stderr, live. The page's script asks for the lines after the last one it
/// has (<c>/api/resources/{name}/console?after=N</c>) and appends them, so scrolling back is never disturbed.
/// </summary>
internal static class ConsoleLogsPage
{
    public static IResult Render(HttpContext http, string? resource, IDashboardResourceService resources)
    {
        var instances = resources.GetResources().Where(candidate => candidate.Type != "PostgresDatabase").ToList();
        var selected = instances.FirstOrDefault(candidate => candidate.Name == resource)?.Name ?? instances.FirstOrDefault()?.Name;
        var options = string.Concat(instances.Select(instance =>
            $"""<option value="{E(instance.Name)}"{(instance.Name == selected ? " selected" : "")}>{E(instance.Name)}</option>"""));
        var picker = $"""
            <form class="filters" method="get" action="/consolelogs">
            <label for="resource">Resource<select id="resource" name="resource">{options}</select></label>
            <button type="submit">Show</button>
            </form>
            """;
        if (selected is null)
        {
            return DashboardLayout.Page(http, "Console logs", "/consolelogs", picker + "<p class=\"muted\">No resources.</p>");
        }

        var lines = resources.GetConsoleLines(selected, after: 0);
        var last = lines.Count == 0 ? 0 : lines[^1].Sequence;
        var body = $"""
            {picker}
            <p class="live-controls"><label><input type="checkbox" id="pause-console"> Pause</label>
            · <a href="/api/resources/{U(selected)}/console/download" download>Download</a></p>
            <pre id="console" data-source="/api/resources/{U(selected)}/console" data-after="{last}" aria-live="polite">{string.Concat(lines.Select(Line))}</pre>
            """;
        return DashboardLayout.Page(http, $"Console logs: {selected}", "/consolelogs", body);
    }

    public static string Line(ConsoleLine line) =>
        $"""<span{(line.IsError ? " class=\"stderr\"" : "")}>{E(Time(line.Timestamp))} {E(line.Text)}</span>{"\n"}""";
}
