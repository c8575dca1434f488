using RabbitMQ.Client;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>
/// The dashboard's one AMQP connection to the broker, opened on first use and again after it was lost. Each
/// operation takes its own channel, so closing that channel is what hands back every message it did not ack.
/// </summary>
public sealed class BrokerConnection(DashboardOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.BrokerConnectionString);

    /// <summary>A new channel; with publisher confirmations tracked when <paramref name="confirmPublishes"/>.</summary>
    public async Task<IChannel> OpenChannelAsync(bool confirmPublishes, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        return await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: confirmPublishes, publisherConfirmationTrackingEnabled: confirmPublishes),
            cancellationToken);
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } opened)
            {
                return opened;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var address = options.BrokerConnectionString
                ?? throw new InvalidOperationException("No broker is configured (DashboardOptions.BrokerConnectionString).");
            var factory = new ConnectionFactory
            {
                Uri = new Uri(address),
                ClientProvidedName = "outreach-dashboard",
                // A page waits on this; a broker that is down should say so within a refresh, not hang it.
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                // Reconnecting is done here on the next use, with fresh channels; recovered channels would be surprising.
                AutomaticRecoveryEnabled = false,
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _opening.Dispose();
    }
}
