using System.Globalization;
using Outreach.InvitationService.Provider;

namespace Outreach.InvitationService;

/// <summary>
/// Errors as Unipile answers them (seed 004's provider): RFC 9457 problem+json with a `type` of the form errors/…, so a
/// client written against the provider branches the same way here. Field errors also name the field in `errors`.
/// </summary>
public static class InvitationErrors
{
    public const string InvalidParameters = "errors/invalid_parameters";
    public const string TooManyCharacters = "errors/too_many_characters";
    public const string DisconnectedAccount = "errors/disconnected_account";
    public const string ResourceNotFound = "errors/resource_not_found";
    public const string AlreadyInvitedRecently = "errors/already_invited_recently";
    public const string AlreadyConnected = "errors/already_connected";
    public const string CannotResendYet = "errors/cannot_resend_yet";
    public const string LimitExceeded = "errors/limit_exceeded";
    public const string ProviderUnavailable = "errors/provider_unavailable";

    /// <summary>400 errors/invalid_parameters naming the field (400, as the provider answers bad parameters).</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message,
            statusCode: StatusCodes.Status400BadRequest, type: InvalidParameters, title: "Invalid parameters");

    public static IResult TooLong(string field, int max) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} must be at most {max} characters."] },
            detail: $"{field} must be at most {max} characters.", statusCode: StatusCodes.Status400BadRequest, type: TooManyCharacters,
            title: "Too many characters");

    public static IResult AccountNotFound(string accountId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: ResourceNotFound, title: "Resource not found",
            detail: $"No LinkedIn account '{accountId}' under this access key.");

    public static IResult InvitationNotFound(string invitationId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: ResourceNotFound, title: "Resource not found",
            detail: $"No invitation '{invitationId}' from this account.");

    public static IResult Disconnected(string why) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: DisconnectedAccount, title: "Disconnected account", detail: why);

    public static IResult Unavailable(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProviderUnavailable, title: "Provider unavailable", detail: detail);

    public static IResult LimitReached(HttpContext http, int limit, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: LimitExceeded, title: "Limit exceeded",
            detail: $"This account has sent its {limit} invitations for today (UTC); the next slot opens in {retryAfterSeconds} s.");
    }

    /// <summary>What the provider (or our own record of the same rules) decided, passed on with its status and type.</summary>
    public static IResult FromProvider(HttpContext http, ProviderError error)
    {
        if (error.RetryAfterSeconds is { } seconds)
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: error.Status, type: error.Type.Length > 0 ? error.Type : null, title: TitleOf(error.Type), detail: error.Detail);
    }

    public static ProviderError AlreadyConnectedError() =>
        new(StatusCodes.Status422UnprocessableEntity, AlreadyConnected, "This person is already a connection of the account.", null);

    public static ProviderError AlreadyInvitedRecentlyError() =>
        new(StatusCodes.Status422UnprocessableEntity, AlreadyInvitedRecently, "This account has a pending invitation to this person.", null);

    public static ProviderError CannotResendYetError(DateTimeOffset from) =>
        new(StatusCodes.Status422UnprocessableEntity, CannotResendYet,
            $"An invitation to this person was withdrawn; LinkedIn allows a new one from {from:yyyy-MM-dd'T'HH:mm:ss'Z'}.", null);

    private static string TitleOf(string type) =>
        type.Length == 0 ? "Provider error" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type.Replace("errors/", "", StringComparison.Ordinal).Replace('_', ' '));

    /// <summary>Seconds from <paramref name="now"/> to the next UTC midnight, when the day's quota starts afresh (at least 1).</summary>
    public static int SecondsToNextUtcDay(DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        return Math.Max(1, (int)Math.Ceiling((next - now).TotalSeconds));
    }
}
