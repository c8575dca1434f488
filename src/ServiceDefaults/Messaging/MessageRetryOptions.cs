namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// Immediate retries with exponential backoff (configuration section "Messaging:Retry"). The message
/// stays unacknowledged on the broker while it is retried, so a crash mid-retry loses nothing; after the
/// last attempt MassTransit moves it to the endpoint's "_error" queue with the exception in its headers.
/// </summary>
public sealed class MessageRetryOptions
{
    public const string SectionName = "Messaging:Retry";

    /// <summary>Retries after the first attempt.</summary>
    public int Limit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);
}
