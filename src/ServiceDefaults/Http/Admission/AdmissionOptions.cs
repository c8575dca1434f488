namespace Outreach.ServiceDefaults.Http.Admission;

/// <summary>
/// How much work one service process takes on at once (section "Admission"). Past <see cref="MaxConcurrentRequests"/>
/// requests wait in a queue of <see cref="QueueLimit"/>, oldest first, for at most <see cref="QueueTimeoutMs"/>; anything
/// beyond is refused at once with 503. The defaults suit a 2-core machine with the default pool of 24 connections:
/// enough requests in flight to keep the pool busy, and a queue that drains within the wait.
/// </summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Admission";

    public int MaxConcurrentRequests { get; set; } = 64;
    public int QueueLimit { get; set; } = 512;
    public int QueueTimeoutMs { get; set; } = 5_000;
    public int RetryAfterSeconds { get; set; } = 1;
}
