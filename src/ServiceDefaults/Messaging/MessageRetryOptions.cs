namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// Immediate retries with exponential backoff (configuration section "Messaging:Retry"). The message
/// stays unacknowledged on the broker while it is retried, so a crash mid-retry loses nothing. A failure of
/// the consumer's own has <see cref="Limit"/> retries, then MassTransit moves the message to the endpoint's
/// "_error" queue with the exception in its headers; a database that does not answer is retried until it
/// does, at most <see cref="OutageMaxInterval"/> apart.
/// </summary>
public sealed class MessageRetryOptions
{
    public const string SectionName = "Messaging:Retry";

    /// <summary>Retries after the first attempt.</summary>
    public int Limit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between tries while the database does not answer.</summary>
    public TimeSpan OutageMaxInterval { get; set; } = TimeSpan.FromSeconds(5);
}
