using System.Text;
using Outreach.Dashboard.Telemetry.Model;
using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Telemetry.Pages;

/// <summary>Markup the telemetry pages share: resource swatches, the resource picker, attribute lists.</summary>
internal static class TelemetryMarkup
{
    /// <summary>A coloured swatch (the resource's colour on every page) and the instance's name.</summary>
    public static string Resource(TelemetrySource source) =>
        $"""<span class="swatch" style="background:{ColorOf(source.ServiceName)}" aria-hidden="true"></span>{E(source.DisplayName)}""";

    public static string Resource(string serviceName) =>
        $"""<span class="swatch" style="background:{ColorOf(serviceName)}" aria-hidden="true"></span>{E(serviceName)}""";

    /// <summary>A labelled select of every service and, for replicated ones, each instance; "All" first when allowed.</summary>
    public static string ResourceSelect(IReadOnlyList<TelemetrySource> sources, string? selected, bool allowAll = true)
    {
        var options = new StringBuilder();
        if (allowAll)
        {
            options.Append($"""<option value=""{(selected is null ? " selected" : "")}>All</option>""");
        }

        foreach (var service in sources.GroupBy(s => s.ServiceName))
        {
            options.Append(Option(service.Key, service.Key, selected));
            if (service.Count() > 1 || service.Any(s => s.InstanceId != s.ServiceName))
            {
                foreach (var instance in service)
                {
                    options.Append(Option(instance.InstanceId, "\u00a0\u00a0" + instance.InstanceId, selected));
                }
            }
        }

        // A resource asked for by a link before it sent anything still shows as chosen.
        if (selected is not null && !sources.Any(s => s.ServiceName == selected || s.InstanceId == selected))
        {
            options.Append(Option(selected, selected, selected));
        }

        return $"""<label for="resource">Resource<select id="resource" name="resource">{options}</select></label>""";
    }

    public static string Attributes(AttributePair[] attributes)
    {
        if (attributes.Length == 0)
        {
            return """<p class="muted">No attributes.</p>""";
        }

        var rows = string.Concat(attributes.Select(a => $"<tr><th scope=\"row\"><code>{E(a.Key)}</code></th><td><code>{E(a.Value)}</code></td></tr>"));
        return $"<table class=\"attributes\"><tbody>{rows}</tbody></table>";
    }

    private static string Option(string value, string label, string? selected) =>
        $"""<option value="{E(value)}"{(value == selected ? " selected" : "")}>{E(label)}</option>""";
}
