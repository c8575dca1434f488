using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Outreach.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core's own request activity carries no tags and is named
/// "Microsoft.AspNetCore.Hosting.HttpRequestIn". A middleware records the method and the matched
/// route pattern on it as soon as routing has chosen an endpoint (the exception handler clears the
/// endpoint later), and <see cref="HttpServerSpanProcessor"/> turns them into a "GET /seats/{id}" name.
/// Only the route pattern is recorded, never the path or query: those may carry tokens.
/// </summary>
public static class HttpServerSpans
{
    public const string RequestActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    public const string MethodTag = "http.request.method";
    public const string RouteTag = "http.route";
    public const string StatusCodeTag = "http.response.status_code";

    public static IApplicationBuilder UseRequestSpanNames(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
            if (activity is not { IsAllDataRequested: true })
            {
                await next(context);
                return;
            }

            activity.SetTag(MethodTag, context.Request.Method);
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                activity.SetTag(RouteTag, route);

            try
            {
                await next(context);
            }
            finally
            {
                activity.SetTag(StatusCodeTag, context.Response.StatusCode);
            }
        });
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
