namespace Outreach.ServiceDefaults.Auth;

/// <summary>The access key a request was authenticated with: its account (the tenant) and the key's id. Never the key itself.</summary>
public sealed record CallerKey(string AccountId, string KeyId)
{
    /// <summary>The account's own rate limit, when the operator set one; null means the service's default.</summary>
    public int? RequestsPerMinute { get; init; }
}
