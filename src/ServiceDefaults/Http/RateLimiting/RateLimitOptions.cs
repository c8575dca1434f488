namespace Outreach.ServiceDefaults.Http.RateLimiting;

/// <summary>How many requests one access key may make per minute, unless its account has an override (section "RateLimits").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Generous, so a busy integration never meets it by accident; an operator lowers or raises it per account.</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
