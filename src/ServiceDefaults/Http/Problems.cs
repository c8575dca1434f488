using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http;

/// <summary>RFC 9457 answers for the outcomes a handler decides itself; each names what was wrong. Shared by every service.</summary>
public static class Problems
{
    /// <summary>422 with the offending field named in `errors`, in ASP.NET Core's ValidationProblem shape.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            detail: message, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult NotFound(string what, string? id = null) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: id is null ? $"The {what} was not found." : $"The {what} '{id}' was not found.");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
