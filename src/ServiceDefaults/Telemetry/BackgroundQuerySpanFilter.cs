using System.Diagnostics;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps out of the exported traces the database commands nobody asked for: a command that is its own trace's root
/// (a poller's round, a subscription's look for new events) and a command under a health probe. Every service runs
/// such loops many times a second; exported, they would fill the dashboard's trace store and bury the requests and
/// messages one looks for. A command inside a request, a consumed message or a relayed event keeps its parent and
/// is exported as before.
/// </summary>
public sealed class BackgroundQuerySpanFilter(IReadOnlyCollection<string> unrecordedRoutes) : OpenTelemetry.BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name != NpgsqlSource)
            return;

        if (IsBackground(data))
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }

    private bool IsBackground(Activity command)
    {
        // No parent in this process and none from a caller: nothing but a loop started it.
        if (command.Parent is null && command.ParentSpanId == default)
            return true;

        for (var ancestor = command.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor.OperationName == HttpServerSpans.RequestActivityName
                && ancestor.GetTagItem(HttpServerSpans.RouteTag) is string route
                && unrecordedRoutes.Contains(route))
                return true;
        }

        return false;
    }
}
