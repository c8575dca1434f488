namespace Outreach.ServiceDefaults.Auth;

/// <summary>How a service that does not own access keys checks them with seat-service (section "Auth:RemoteAccessKeys").</summary>
public sealed class RemoteAccessKeyOptions
{
    public const string SectionName = "Auth:RemoteAccessKeys";

    /// <summary>Service discovery entry of seat-service's first endpoint, as the AppHost hands it out (services__seat-service__http__0).</summary>
    public const string SeatServiceUrlKey = "services:seat-service:http:0";

    /// <summary>seat-service by name: service discovery spreads the checks over every replica it knows.</summary>
    public static readonly Uri SeatServiceAddress = new("http://seat-service");

    /// <summary>
    /// How long an accepted key is believed without asking again. Revocation does not wait for it: the AccessKeyRevoked
    /// message evicts the key at once; this bounds only how stale an answer gets if that message is lost.
    /// </summary>
    public TimeSpan PositiveCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Short, so a key issued a moment ago is not refused for long, yet a client retrying a bad key in a loop costs seat-service little.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A check is on the request's path: give up quickly and answer 503 rather than hang the caller.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Caps the memory a client spraying made-up keys can take; past it, answers are simply not cached.</summary>
    public int MaxCachedEntries { get; set; } = 10_000;
}
