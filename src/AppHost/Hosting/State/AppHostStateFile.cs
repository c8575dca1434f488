using System.Text.Json;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Orchestration;

namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// &lt;data-dir&gt;/apphost.json while the AppHost runs: resources, the operator token and, once other
/// features set them, the demo account and the dashboard. Rewritten atomically on every change.
/// </summary>
public sealed class AppHostStateFile
{
    private readonly Lock _gate = new();
    private readonly ResourceNotificationService _notifications;
    private DemoInfo? _demo;
    private DashboardInfo? _dashboard;
    private bool _active;

    internal AppHostStateFile(DataDirectory dataDirectory, ResourceNotificationService notifications, string operatorToken)
    {
        Path = dataDirectory.StateFile;
        OperatorToken = operatorToken;
        _notifications = notifications;
    }

    public string Path { get; }

    /// <summary>Generated once and kept in the data directory.</summary>
    public string OperatorToken { get; }

    /// <summary>The demo account shown under <c>demo</c>, once WithDemoAccount() has provisioned it.</summary>
    public DemoInfo? Demo
    {
        get
        {
            lock (_gate)
            {
                return _demo;
            }
        }
    }

    public void SetDemo(DemoInfo? demo)
    {
        lock (_gate)
        {
            _demo = demo;
            WriteLocked();
        }
    }

    public void SetDashboard(DashboardInfo? dashboard)
    {
        lock (_gate)
        {
            _dashboard = dashboard;
            WriteLocked();
        }
    }

    internal void Activate()
    {
        lock (_gate)
        {
            _active = true;
            WriteLocked();
        }

        _notifications.Changed += OnChanged;
    }

    internal void Remove()
    {
        _notifications.Changed -= OnChanged;
        lock (_gate)
        {
            _active = false;
            File.Delete(Path);
        }
    }

    private void OnChanged(ResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            WriteLocked();
        }
    }

    private void WriteLocked()
    {
        if (!_active)
        {
            return;
        }

        var content = new AppHostStateDocument(
            _notifications.GetSnapshots().Select(AppHostStateDocument.ResourceEntry.From).ToList(),
            OperatorToken,
            _demo,
            _dashboard);
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(content, JsonOptions.Indented), ownerOnly: true);
    }
}
