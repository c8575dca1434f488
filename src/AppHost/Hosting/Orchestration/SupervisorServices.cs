using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>What every supervisor shares.</summary>
internal sealed record SupervisorServices(
    ResourceNotificationService Notifications,
    ResourceLogStore Logs,
    PidRegistry Pids,
    ILogger Logger);
