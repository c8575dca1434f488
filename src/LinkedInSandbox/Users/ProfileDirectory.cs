using System.Collections.Concurrent;

namespace Outreach.LinkedInSandbox.Users;

/// <summary>
/// The provider ids each viewer has been shown, so a profile can be fetched again by its provider_id (as Unipile allows)
/// and the invitation routes can tell which person an id names (they accept only ids shown). Ids are deterministic;
/// only the reverse needs memory.
/// </summary>
public sealed class ProfileDirectory
{
    private readonly ConcurrentDictionary<(string Viewer, string ProviderId), string> _seen = new();

    public string ProviderIdFor(string viewerMemberId, string publicIdentifier)
    {
        var providerId = MemberIds.ForProfile(viewerMemberId, publicIdentifier);
        _seen[(viewerMemberId, providerId)] = publicIdentifier;
        return providerId;
    }

    public string? PublicIdentifierOf(string viewerMemberId, string providerId) =>
        _seen.TryGetValue((viewerMemberId, providerId), out var publicIdentifier) ? publicIdentifier : null;
}
