using Microsoft.Extensions.Diagnostics.HealthChecks;
using Outreach.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Outreach.ServiceDefaults.Health;

/// <summary>
/// Ready while an AMQP connection to the broker is open. MassTransit's own bus check only looks at
/// receive endpoints, so a service that only publishes would stay "healthy" with the broker gone.
/// One long-lived connection is kept (and replaced when it drops) so probes cause no connection churn.
/// </summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection broker, string clientName) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
                return HealthCheckResult.Healthy();

            await DropConnectionAsync();
            _connection = await CreateFactory().CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException)
        {
            // The exception goes to the health check log, not to the HTTP answer.
            return new HealthCheckResult(context.Registration.FailureStatus, "The broker did not answer.", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _gate.Dispose();
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is null)
            return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    private ConnectionFactory CreateFactory() => new()
    {
        HostName = broker.Host,
        Port = broker.Port,
        VirtualHost = broker.VirtualHost,
        UserName = broker.Username,
        Password = broker.Password,
        ClientProvidedName = $"{clientName} (health)",
        // A dropped connection is replaced by the next probe; recovering it in the background would
        // report "open" from a stale object.
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
        Ssl = { Enabled = broker.UseTls, ServerName = broker.Host },
    };
}
