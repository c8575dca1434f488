using RabbitMQ.Client;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>The properties a redelivered message is published with: its own, minus what describes its failure.</summary>
public static class Redelivery
{
    // RabbitMQ.Client's own publisher-confirm bookkeeping from the original publish; the client stamps a fresh one.
    private const string PublishSequenceHeader = "x-dotnet-pub-seq-no";

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
                .Where(header => !MassTransitHeaders.DescribesTheFailure(header.Key) && header.Key != PublishSequenceHeader)
                .ToDictionary(header => header.Key, header => header.Value, StringComparer.Ordinal);
        }

        return properties;
    }
}
