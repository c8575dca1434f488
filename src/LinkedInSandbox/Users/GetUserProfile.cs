using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Users;

/// <summary>
/// GET /api/v1/users/{identifier}?account_id= → 200 UserProfile, as seen by the connected account account_id.
/// identifier is a public identifier (the end of linkedin.com/in/…) or a provider_id this viewer was shown before.
/// Every public identifier exists, with a name read from it, except those starting "unknown-" (404).
/// provider_id is derived from (viewer, person): the same for the same viewer, different for another.
/// </summary>
public static partial class GetUserProfile
{
    public sealed record UserProfile(string ProviderId, string PublicIdentifier, string FirstName, string LastName, string Headline, string Location)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserProfile";
        public string Provider => Providers.LinkedIn;
    }

    private static readonly string[] Headlines =
    [
        "Head of Growth at Northwind Traders",
        "Senior Software Engineer at Contoso",
        "Talent Acquisition Partner at Fabrikam",
        "Founder & CEO at Tailspin Toys",
        "Product Manager at Adventure Works",
        "Sales Director EMEA at Litware",
        "Data Scientist at Wide World Importers",
        "Marketing Lead at Proseware",
    ];

    private static readonly string[] Locations =
    [
        "Paris, Île-de-France, France",
        "London, England, United Kingdom",
        "Berlin, Germany",
        "Amsterdam, North Holland, Netherlands",
        "New York, New York, United States",
        "San Francisco Bay Area",
        "Madrid, Community of Madrid, Spain",
        "Toronto, Ontario, Canada",
    ];

    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Smith", "Johnson", "Müller", "Garcia", "Rossi"];

    public static IResult Handle(string identifier, string? accountId, AccountStore accounts, ProfileDirectory profiles)
    {
        if (string.IsNullOrEmpty(accountId))
            return UnipileErrors.InvalidParameter("account_id is required.");
        if (accounts.Find(accountId) is not { } viewer)
            return UnipileErrors.AccountNotFound(accountId);
        string viewerMemberId;
        lock (viewer.Gate)
        {
            if (viewer.Status != SourceStatus.Ok)
                return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.DisconnectedAccount, "Disconnected account",
                    $"The account is not connected (status {viewer.Status}).");
            viewerMemberId = viewer.MemberId;
        }

        var publicIdentifier = MemberIds.LooksLikeProviderId(identifier)
            ? profiles.PublicIdentifierOf(viewerMemberId, identifier)
            : identifier.Trim().ToLowerInvariant();
        if (publicIdentifier is null || !PublicIdentifier().IsMatch(publicIdentifier) || publicIdentifier.StartsWith("unknown-", StringComparison.Ordinal))
            return UnipileErrors.Problem(StatusCodes.Status404NotFound, UnipileErrors.ResourceNotFound, "Resource not found",
                $"No LinkedIn member '{identifier}'.");

        var (first, last) = NameOf(publicIdentifier);
        return Results.Ok(new UserProfile(
            profiles.ProviderIdFor(viewerMemberId, publicIdentifier),
            publicIdentifier,
            first,
            last,
            Headlines[MemberIds.Pick(publicIdentifier, "headline", Headlines.Length)],
            Locations[MemberIds.Pick(publicIdentifier, "location", Locations.Length)]));
    }

    /// <summary>"julien-crepieux" → Julien Crepieux; segments with digits (LinkedIn's suffixes) are not names.</summary>
    private static (string First, string Last) NameOf(string publicIdentifier)
    {
        var words = publicIdentifier.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.All(char.IsLetter))
            .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..])
            .ToList();
        return words.Count switch
        {
            0 => ("Sandbox", LastNames[MemberIds.Pick(publicIdentifier, "last", LastNames.Length)]),
            1 => (words[0], LastNames[MemberIds.Pick(publicIdentifier, "last", LastNames.Length)]),
            _ => (words[0], string.Join(' ', words.Skip(1))),
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,99}$")]
    private static partial Regex PublicIdentifier();
}
