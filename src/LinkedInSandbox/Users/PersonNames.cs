using System.Globalization;

namespace Outreach.LinkedInSandbox.Users;

/// <summary>
/// The name of the person behind a public identifier. Profiles, invitation lists, relations and webhooks all name
/// people, and must agree, so the rule lives here once.
/// </summary>
public static class PersonNames
{
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Smith", "Johnson", "Müller", "Garcia", "Rossi"];

    /// <summary>"julien-crepieux" → Julien Crepieux; segments with digits (LinkedIn's suffixes) are not names.</summary>
    public static (string First, string Last) Of(string publicIdentifier)
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

    public static string FullName(string publicIdentifier)
    {
        var (first, last) = Of(publicIdentifier);
        return $"{first} {last}";
    }
}
