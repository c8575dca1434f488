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

    public static IResult Handle(string identifier, string? accountId, AccountStore accounts, ProfileDirectory profiles)
    {
        var (error, viewer) = ConnectedAccounts.Find(accountId, accounts);
        if (error is not null)
            return error;
        var viewerMemberId = viewer!.MemberId;

        var publicIdentifier = MemberIds.LooksLikeProviderId(identifier)
            ? profiles.PublicIdentifierOf(viewerMemberId, identifier)
            : identifier.Trim().ToLowerInvariant();
        if (publicIdentifier is null || !PublicIdentifier().IsMatch(publicIdentifier) || publicIdentifier.StartsWith("unknown-", StringComparison.Ordinal))
            return UnipileErrors.Problem(StatusCodes.Status404NotFound, UnipileErrors.ResourceNotFound, "Resource not found",
                $"No LinkedIn member '{identifier}'.");

        var (first, last) = PersonNames.Of(publicIdentifier);
        return Results.Ok(new UserProfile(
            profiles.ProviderIdFor(viewerMemberId, publicIdentifier),
            publicIdentifier,
            first,
            last,
            Headlines[MemberIds.Pick(publicIdentifier, "headline", Headlines.Length)],
            Locations[MemberIds.Pick(publicIdentifier, "location", Locations.Length)]));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,99}$")]
    private static partial Regex PublicIdentifier();
}
