using RabbitMQ.Client;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>The properties a redelivered message is published with: its own, minus what describes its failure.</summary>
public static class Redelivery
{
    public static BasicProperties PropertiesOf(IReadOnlyBasicProperties failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var properties = new BasicProperties(failed)
        {
            // The broker checks user-id against the publishing connection's user; the dashboard's may differ.
            UserId = null,
        };
        if (failed.Headers is { } headers)
        {
            properties.Headers = headers
                .Where(header => !MassTransitHeaders.DescribesTheFailure(header.Key))
                .ToDictionary(header => header.Key, header => header.Value, StringComparer.Ordinal);
        }

        return properties;
    }
}
