using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core's own request activity carries no tags and is named
/// "Microsoft.AspNetCore.Hosting.HttpRequestIn". Two small middlewares record what a name needs:
/// the method and final status code (outermost, so error answers are seen) and the matched route
/// pattern (right after routing, before the exception handler can clear the endpoint).
/// <see cref="HttpServerSpanProcessor"/> then names the span "GET /seats/{id}".
/// Only the route pattern is recorded, never the path or query: those may carry tokens.
/// </summary>
public static class HttpServerSpans
{
    public const string RequestActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    public const string MethodTag = "http.request.method";
    public const string RouteTag = "http.route";
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Place first: records the method and the status code of the final answer.</summary>
    public static IApplicationBuilder UseServerSpanStatus(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var activity = RecordedActivity(context);
            activity?.SetTag(MethodTag, context.Request.Method);
            try
            {
                await next(context);
            }
            finally
            {
                activity?.SetTag(StatusCodeTag, context.Response.StatusCode);
            }
        });

    /// <summary>Place right after UseRouting: records the route pattern of the chosen endpoint.</summary>
    public static IApplicationBuilder UseServerSpanRoute(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                RecordedActivity(context)?.SetTag(RouteTag, route);
            return next(context);
        });

    private static Activity? RecordedActivity(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity ? activity : null;
}

/// <summary>Names server spans "METHOD route" and keeps health probes out of the exported traces.</summary>
public sealed class HttpServerSpanProcessor(IReadOnlyCollection<string> unrecordedRoutes) : OpenTelemetry.BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.OperationName != HttpServerSpans.RequestActivityName)
            return;

        var method = data.GetTagItem(HttpServerSpans.MethodTag) as string;
        var route = data.GetTagItem(HttpServerSpans.RouteTag) as string;
        if (method is not null)
            data.DisplayName = route is null ? method : $"{method} {route}";

        if (data.GetTagItem(HttpServerSpans.StatusCodeTag) is int status && status >= 500)
            data.SetStatus(ActivityStatusCode.Error);

        // Probes arrive every few seconds from the orchestrator; exporting them would bury real traffic.
        if (route is not null && unrecordedRoutes.Contains(route))
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
