namespace Outreach.SeatService.Seats;

/// <summary>The body of POST /functions/v1/api-user-management (seed 000); which fields count depends on the action.</summary>
public sealed record UserManagementRequest(
    string? Action,
    string? UserId,
    IReadOnlyList<string>? UserIds,
    string? TargetAccessKey,
    int? DailyLimit);
