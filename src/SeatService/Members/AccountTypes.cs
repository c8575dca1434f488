namespace Outreach.SeatService.Members;

/// <summary>
/// A member's role, with seed 002's values. Seed 001's sub-admins are the members whose type is ADMIN; the users it
/// creates start as DEVELOPER, the role with fewer rights.
/// </summary>
public static class AccountTypes
{
    public const string Admin = "ADMIN";
    public const string Developer = "DEVELOPER";

    public static readonly string[] All = [Admin, Developer];

    public static bool IsKnown(string? value) => value is Admin or Developer;

    public static string Rule(string field) => $"{field} must be one of: {string.Join(", ", All)}.";
}
