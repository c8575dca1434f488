namespace Outreach.LinkedInSandbox.Http;

/// <summary>
/// Errors as Unipile answers them: RFC 9457 problem+json with "object":"Error" and a `type` of the
/// form errors/&lt;what&gt;, so a client can branch on the type rather than on the status alone.
/// </summary>
public static class UnipileErrors
{
    public const string InvalidParameters = "errors/invalid_parameters";
    public const string MissingCredentials = "errors/missing_credentials";
    public const string InvalidApiKey = "errors/invalid_api_key";
    public const string InvalidCredentials = "errors/invalid_credentials";
    public const string ExpiredCredentials = "errors/expired_credentials";
    public const string DisconnectedAccount = "errors/disconnected_account";
    public const string AccountRestricted = "errors/account_restricted";
    public const string CheckpointError = "errors/checkpoint_error";
    public const string InvalidCheckpointSolution = "errors/invalid_checkpoint_solution";
    public const string CheckpointExpired = "errors/checkpoint_expired";
    public const string ResourceNotFound = "errors/resource_not_found";
    public const string TooManyRequests = "errors/too_many_requests";
    public const string UnexpectedError = "errors/unexpected_error";
    public const string RequestTimeout = "errors/request_timeout";
    public const string TooManyCharacters = "errors/too_many_characters";
    public const string AlreadyConnected = "errors/already_connected";
    public const string AlreadyInvitedRecently = "errors/already_invited_recently";
    public const string CannotResendYet = "errors/cannot_resend_yet";
    public const string LimitExceeded = "errors/limit_exceeded";

    public static IResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["object"] = "Error" };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
                extensions[key] = value;
        }

        return Results.Problem(statusCode: status, type: type, title: title, detail: detail, extensions: extensions);
    }

    public static IResult InvalidParameter(string detail) =>
        Problem(StatusCodes.Status400BadRequest, InvalidParameters, "Invalid parameters", detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, ResourceNotFound, "Resource not found", detail);

    public static IResult AccountNotFound(string accountId) =>
        Problem(StatusCodes.Status404NotFound, ResourceNotFound, "Resource not found", $"No account '{accountId}'.");
}
