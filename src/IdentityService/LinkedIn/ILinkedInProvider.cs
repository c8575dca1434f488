namespace Outreach.IdentityService.LinkedIn;

/// <summary>
/// The provider in front of LinkedIn (Unipile's shape; the linkedin-sandbox under the AppHost). Every call answers
/// with an outcome rather than throwing for what LinkedIn decides (wrong password, a checkpoint); only an unreachable
/// or failing provider throws <see cref="ProviderUnavailableException"/>.
/// </summary>
public interface ILinkedInProvider
{
    Task<ProviderOutcome> ConnectAsync(string username, string password, string? country, CancellationToken ct);

    Task<ProviderOutcome> SolveCheckpointAsync(string providerAccountId, string code, CancellationToken ct);

    Task<ProviderOutcome> ReconnectAsync(string providerAccountId, string sessionToken, CancellationToken ct);

    /// <summary>The account as the provider sees it now: how an approval in the LinkedIn app is found.</summary>
    Task<ProviderOutcome> GetAccountAsync(string providerAccountId, CancellationToken ct);

    Task DisconnectAsync(string providerAccountId, CancellationToken ct);
}

public abstract record ProviderOutcome
{
    private ProviderOutcome() { }

    public sealed record Connected(string ProviderAccountId, string SessionToken, ProviderProfile Profile) : ProviderOutcome;

    public sealed record Checkpoint(string ProviderAccountId, string Type) : ProviderOutcome;

    /// <summary>Still waiting (an approval in the app not given yet).</summary>
    public sealed record Pending(string ProviderAccountId) : ProviderOutcome;

    /// <summary>The code was wrong; the checkpoint stays open.</summary>
    public sealed record CodeRejected : ProviderOutcome;

    public sealed record Failed(string Reason) : ProviderOutcome;
}

public sealed record ProviderProfile(string ProfileId, string Name, string ProfileUrl);

public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
