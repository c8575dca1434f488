namespace Outreach.AppHost.Hosting;

/// <summary>How an application is built: its arguments, where its data lives, how it shows progress.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>Overrides --data-dir and the default (.outreach at the repository root).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Wipe the data directory before starting (--fresh).</summary>
    public bool Fresh { get; set; }

    /// <summary>Delete the data directory when the application is disposed (tests use a temporary one).</summary>
    public bool DeleteDataDirectoryOnDispose { get; set; }

    /// <summary>The live resource table; null means "when the output is a terminal".</summary>
    public bool? LiveConsole { get; set; }

    /// <summary>Honour ConnectionStrings:&lt;server&gt; from configuration by using that server instead of a local one.</summary>
    public bool AllowExternalResources { get; set; } = true;

    /// <summary>Print resource state changes to the console (off for tests, which have the notifications).</summary>
    public bool ConsoleOutput { get; set; } = true;

    /// <summary>As in Aspire: no dashboard, no OTLP receiver, and no telemetry export (the testing builder sets it unless a test clears it).</summary>
    public bool DisableDashboard { get; set; }
}
