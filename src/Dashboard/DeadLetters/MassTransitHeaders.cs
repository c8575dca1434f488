namespace Outreach.Dashboard.DeadLetters;

/// <summary>
/// The headers MassTransit writes on a message it moves to <c>&lt;queue&gt;_error</c> or <c>&lt;queue&gt;_skipped</c>.
/// They describe the failure, not the message, so a redelivered message leaves them behind.
/// </summary>
public static class MassTransitHeaders
{
    public const string Reason = "MT-Reason";
    public const string MessageType = "MT-MessageType";
    public const string FaultMessage = "MT-Fault-Message";
    public const string FaultExceptionType = "MT-Fault-ExceptionType";
    public const string FaultMessageType = "MT-Fault-MessageType";
    public const string FaultTimestamp = "MT-Fault-Timestamp";

    private const string FaultPrefix = "MT-Fault-";
    private const string HostPrefix = "MT-Host-";

    /// <summary>True for every header that was added when the message failed (or was skipped).</summary>
    public static bool DescribesTheFailure(string name) =>
        name.StartsWith(FaultPrefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Reason, StringComparison.OrdinalIgnoreCase);
}
