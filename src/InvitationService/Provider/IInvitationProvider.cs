namespace Outreach.InvitationService.Provider;

/// <summary>
/// The provider in front of LinkedIn (Unipile's shape; the linkedin-sandbox under the AppHost), as invitation-service
/// uses it. What LinkedIn decides comes back as a <see cref="ProviderAnswer"/>; a provider that cannot be reached,
/// fails or times out throws <see cref="ProviderUnavailableException"/>, and then nobody knows whether a send happened.
/// </summary>
public interface IInvitationProvider
{
    /// <summary>The person as this connected account sees them (the provider_id is scoped to the viewer).</summary>
    Task<ProviderAnswer<ProviderProfile>> GetProfileAsync(string providerAccountId, string identifier, CancellationToken ct);

    /// <summary>Not idempotent at LinkedIn: never retried by the client. An unknown outcome is reconciled by the caller.</summary>
    Task<ProviderAnswer<ProviderInvitation>> SendInvitationAsync(string providerAccountId, string recipientProviderId, string? message, string? userEmail, CancellationToken ct);

    /// <summary>The invitations still pending at LinkedIn, newest first, one page at a time.</summary>
    Task<ProviderAnswer<ProviderPage<ProviderSentInvitation>>> ListSentInvitationsAsync(string providerAccountId, string? cursor, CancellationToken ct);

    Task<ProviderAnswer<bool>> WithdrawInvitationAsync(string providerAccountId, string providerInvitationId, CancellationToken ct);

    /// <summary>The account's connections, newest first: how an acceptance is found.</summary>
    Task<ProviderAnswer<ProviderPage<ProviderRelation>>> ListRelationsAsync(string providerAccountId, string? cursor, CancellationToken ct);
}

/// <summary>Either a value, or an error LinkedIn decided (its Unipile type, status and detail, passed on to our caller).</summary>
public sealed record ProviderAnswer<T>(T? Value, ProviderError? Error)
{
    public bool Succeeded => Error is null;
}

public static class ProviderAnswer
{
    public static ProviderAnswer<T> Ok<T>(T value) => new(value, null);

    public static ProviderAnswer<T> Failed<T>(ProviderError error) => new(default, error);
}

public sealed record ProviderError(int Status, string Type, string Detail, int? RetryAfterSeconds);

public sealed record ProviderProfile(string ProviderId, string PublicIdentifier, string FirstName, string LastName, System.Text.Json.JsonElement Raw);

public sealed record ProviderInvitation(string InvitationId, int? Usage);

public sealed record ProviderSentInvitation(string InvitationId, string InvitedUserId, string? InvitedUserPublicId);

public sealed record ProviderRelation(string MemberId, string? PublicIdentifier, DateTimeOffset? CreatedAt);

public sealed record ProviderPage<T>(IReadOnlyList<T> Items, string? Cursor);

public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
