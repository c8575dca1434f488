namespace Outreach.ServiceDefaults.Logging;

/// <summary>
/// Stands in for an exception whose text holds something that looks like a credential (an URL with a token, a
/// connection string): its message and stack trace are the scrubbed ones, and its message starts with the original
/// type's name so a reader still knows what failed. An exception with nothing to scrub is logged as it is.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string message, string text) : base(message) => _text = text;

    public static Exception? From(Exception? exception)
    {
        if (exception is null or RedactedException)
            return exception;
        var text = exception.ToString();
        var scrubbed = LogRedaction.Scrub(text);
        if (scrubbed == text)
            return exception;
        return new RedactedException($"{exception.GetType().FullName}: {LogRedaction.Scrub(exception.Message)}", scrubbed);
    }

    public RedactedException() : base() => _text = "";

    public RedactedException(string message) : base(message) => _text = message;

    public RedactedException(string message, Exception innerException) : base(message, innerException) => _text = message;

    public override string? StackTrace => "";

    public override string ToString() => _text;
}
