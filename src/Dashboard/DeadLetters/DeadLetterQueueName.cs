namespace Outreach.Dashboard.DeadLetters;

/// <summary>
/// MassTransit's naming: a message that failed every retry goes to <c>&lt;queue&gt;_error</c>, one no consumer took
/// to <c>&lt;queue&gt;_skipped</c>. The original queue is the name without the suffix.
/// </summary>
public static class DeadLetterQueueName
{
    public const string ErrorSuffix = "_error";
    public const string SkippedSuffix = "_skipped";

    public static bool IsDeadLetterQueue(string name) => OriginalQueueOf(name) is not null;

    /// <summary>The queue the messages came from, or null when <paramref name="name"/> is not a dead-letter queue.</summary>
    public static string? OriginalQueueOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var suffix in new[] { ErrorSuffix, SkippedSuffix })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    public static string KindOf(string name) => name.EndsWith(SkippedSuffix, StringComparison.Ordinal) ? "skipped" : "error";
}
