using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Outreach.ServiceDefaults.Health;

/// <summary>
/// A small JSON body listing each check and its status. Descriptions, data and exceptions are left out
/// on purpose: they may name hosts, users or failure details that do not belong in a public answer.
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthBody(
            Status(report.Status),
            report.Entries
                .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => new HealthCheckBody(entry.Key, Status(entry.Value.Status), Math.Round(entry.Value.Duration.TotalMilliseconds, 1)))
                .ToList());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Default.HealthBody, context.RequestAborted);
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

public sealed record HealthBody(string Status, IReadOnlyList<HealthCheckBody> Checks);

public sealed record HealthCheckBody(string Name, string Status, double DurationMs);
