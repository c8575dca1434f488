namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>Stripe's rules for <c>Idempotency-Key</c>: how long a key is remembered and what a key may look like.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Stripe keeps keys for 24 hours; a key older than this is free to be used again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Stripe allows up to 255 characters.</summary>
    public int MaxKeyLength { get; set; } = 255;

    /// <summary>How often expired keys are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
