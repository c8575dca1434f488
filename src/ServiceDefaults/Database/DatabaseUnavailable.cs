using Npgsql;

namespace Outreach.ServiceDefaults.Database;

/// <summary>
/// The one test of "the database did not answer" (a command or pool-wait timeout, a dropped or refused connection, a
/// server starting or shutting down): a fault that passes by itself, unlike a bug or a constraint violation. HTTP answers
/// it with 503 (DatabaseUnavailableExceptionHandler); a message consumer waits it out instead of dead-lettering.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DatabaseBreakerOpenException)
                return true;
            if (current is PostgresException { IsTransient: false })
                return false;
            if (current is NpgsqlException { IsTransient: true })
                return true;
        }
        return false;
    }

    /// <summary>
    /// A wait for a pooled connection that ran out: the database answers, this process is only busy. Npgsql tells it
    /// apart by its message alone.
    /// </summary>
    public static bool IsPoolExhausted(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException && current.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
