namespace Outreach.SeatService.Seats;

public static class DailyLimits
{
    /// <summary>LinkedIn allows roughly 100 invitations a day; a seat may not be set above it.</summary>
    public const int Maximum = 100;

    public const string Rule = "daily_limit must be a whole number from 1 to 100.";

    public static bool IsValid(int limit) => limit is >= 1 and <= Maximum;
}
