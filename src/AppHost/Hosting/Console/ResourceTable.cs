using System.Globalization;
using Outreach.AppHost.Hosting.ApplicationModel;
using Spectre.Console;

namespace Outreach.AppHost.Hosting.Console;

/// <summary>How resources look on the console: a table for terminals, a sentence for logs. No secrets: URLs carry no credentials.</summary>
internal static class ResourceTable
{
    public static Table Render(IReadOnlyList<ResourceSnapshot> snapshots)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Outreach AppHost[/]");
        table.AddColumn(new TableColumn("Resource").NoWrap());
        table.AddColumn(new TableColumn("State").NoWrap());
        table.AddColumn(new TableColumn("PID").RightAligned());
        table.AddColumn(new TableColumn("Restarts").RightAligned());
        table.AddColumn(new TableColumn("URL"));
        foreach (var snapshot in snapshots)
        {
            var state = snapshot.Health is { } health ? $"{snapshot.State} ({health})" : snapshot.State;
            table.AddRow(
                Markup.Escape(snapshot.Name),
                $"[{StateColour(snapshot)}]{Markup.Escape(state)}[/]",
                snapshot.Pid?.ToString(CultureInfo.InvariantCulture) ?? "",
                snapshot.RestartCount.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(" ", snapshot.Urls)));
        }

        table.Caption("[grey]Ctrl+C stops everything[/]");
        return table;
    }

    public static string Describe(ResourceSnapshot snapshot)
    {
        var text = $"{snapshot.Name} ({snapshot.ResourceType}): {snapshot.State}";
        if (snapshot.Health is { } health)
        {
            text += $", {health}";
        }

        if (snapshot.Pid is { } pid)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", pid {pid}");
        }

        if (snapshot.Urls.Count > 0)
        {
            text += $", {string.Join(" ", snapshot.Urls)}";
        }

        if (snapshot.Message is { } message)
        {
            text += $" — {message}";
        }

        return text;
    }

    private static string StateColour(ResourceSnapshot snapshot) => snapshot.State switch
    {
        KnownResourceStates.Running when snapshot.Health == HealthStatus.Healthy => "green",
        KnownResourceStates.Running or KnownResourceStates.Starting or KnownResourceStates.Waiting => "yellow",
        KnownResourceStates.FailedToStart => "red",
        KnownResourceStates.Exited when snapshot.Message is not null => "red",
        _ => "grey",
    };
}
