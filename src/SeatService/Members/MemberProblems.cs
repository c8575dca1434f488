namespace Outreach.SeatService.Members;

/// <summary>Answers this slice gives beyond <see cref="Problems"/>.</summary>
public static class MemberProblems
{
    /// <summary>404 for a uid that is unknown, deleted or another account's; a malformed one is not echoed back.</summary>
    public static IResult UserNotFound(string? uid) => Problems.NotFound("user", MemberIds.IsUid(uid) ? uid : null);

    /// <summary>400 naming the field, for a request that cannot be understood as a whole (e.g. two cursors at once).</summary>
    public static IResult BadRequest(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            detail: message, statusCode: StatusCodes.Status400BadRequest);
}
