namespace Outreach.SeatService.Members.UserManagement;

/// <summary>A body naming one user: DELETE /users/, POST and DELETE /sub-admins/.</summary>
public sealed record UserUidRequest(string? UserUid);
