using System.Globalization;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Pages;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Telemetry.Api;

/// <summary>
/// GET /api/telemetry/traces?resource=&amp;limit=, /traces/{traceId}, /logs?resource=&amp;level=&amp;text=&amp;attr=&amp;limit=,
/// /metrics?resource=. Behind the dashboard's cookie or x-dashboard-token, like every page.
/// </summary>
public static class TelemetryApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/telemetry");
        api.MapGet("/traces", (HttpContext http, TelemetryRepository repository) => Traces(http, repository));
        api.MapGet("/traces/{traceId}", (string traceId, TelemetryRepository repository) => Trace(traceId, repository));
        api.MapGet("/logs", (HttpContext http, TelemetryRepository repository) => Logs(http, repository));
        api.MapGet("/metrics", (HttpContext http, TelemetryRepository repository) => Metrics(http, repository));
    }

    private static IResult Traces(HttpContext http, TelemetryRepository repository)
    {
        if (!TryLimit(http, out var limit, out var problem))
        {
            return problem;
        }

        var page = repository.GetTraces(new TraceQuery(TelemetryFilters.Value(http.Request, "resource"), 0, limit));
        return Results.Json(new TracesJson(page.MatchedCount, [.. page.Traces.Select(TelemetryJson.Summary)]), TelemetryJson.Options);
    }

    private static IResult Trace(string traceId, TelemetryRepository repository)
    {
        if (repository.GetTrace(traceId) is not { } trace)
        {
            return Results.Problem(title: "Not found", detail: $"No trace {traceId} is stored (not arrived yet, or evicted).", statusCode: StatusCodes.Status404NotFound);
        }

        var summary = TelemetryJson.Summary(trace.Summary);
        return Results.Json(
            new TraceJson(summary.TraceId, summary.Name, summary.Resources, summary.Instances, summary.SpanCount, summary.StartTime, summary.DurationMs, summary.HasError,
                [.. trace.Spans.Select(TelemetryJson.Span)]),
            TelemetryJson.Options);
    }

    private static IResult Logs(HttpContext http, TelemetryRepository repository)
    {
        if (!TryLimit(http, out var limit, out var problem))
        {
            return problem;
        }

        var filters = TelemetryFilters.From(http.Request);
        if (filters.MinLevel == LogLevel.None)
        {
            return Invalid("level", "level is one of Trace, Debug, Information, Warning, Error, Critical.");
        }

        var query = filters.ToLogQuery(limit) with { TraceId = TelemetryFilters.Value(http.Request, "trace_id")?.ToLowerInvariant() };
        var page = repository.GetLogs(query);
        return Results.Json(new LogsJson(page.MatchedCount, [.. page.Logs.Select(TelemetryJson.Log)]), TelemetryJson.Options);
    }

    private static IResult Metrics(HttpContext http, TelemetryRepository repository)
    {
        var resource = TelemetryFilters.Value(http.Request, "resource");
        var services = resource is null ? repository.ServiceNames : [resource];
        var instruments = services.SelectMany(service => repository.GetMetrics(service).Select(snapshot => Instrument(service, snapshot))).ToList();
        return Results.Json(new MetricsJson(instruments), TelemetryJson.Options);
    }

    private static InstrumentJson Instrument(string resource, InstrumentSnapshot snapshot)
    {
        var info = snapshot.Info;
        var histogram = info.Kind is InstrumentKind.Histogram or InstrumentKind.ExponentialHistogram or InstrumentKind.Summary;
        var points = snapshot.Series.Select(series =>
        {
            var latest = series.Latest!;
            return new MetricPointJson(
                series.InstanceId,
                TelemetryJson.Attributes(series.Dimensions),
                TelemetryJson.Time(latest.TimeUnixNano),
                histogram ? null : latest.Value,
                histogram ? latest.Count : null,
                histogram ? latest.Sum : null,
                latest.Min,
                latest.Max,
                HistogramMath.Percentile(latest, 0.50),
                HistogramMath.Percentile(latest, 0.95),
                HistogramMath.Percentile(latest, 0.99));
        }).ToList();
        return new InstrumentJson(
            resource,
            info.MeterName,
            info.Name,
            info.Description,
            info.Unit,
            info.Kind.ToString(),
            info.IsMonotonic,
            info.IsCumulative ? "cumulative" : "delta",
            points);
    }

    private static bool TryLimit(HttpContext http, out int limit, out IResult problem)
    {
        problem = Results.Empty;
        var text = TelemetryFilters.Value(http.Request, "limit");
        if (text is null)
        {
            limit = DefaultLimit;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = Invalid("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        return false;
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: StatusCodes.Status400BadRequest);
}
