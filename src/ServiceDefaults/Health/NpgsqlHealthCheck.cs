using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Outreach.ServiceDefaults.Health;

/// <summary>Ready when a connection can be opened from the pool and answers a trivial query.</summary>
public sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The exception goes to the health check log, not to the HTTP answer.
            return new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer.", exception);
        }
    }
}
