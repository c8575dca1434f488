using Microsoft.AspNetCore.Http;

namespace Outreach.ServiceDefaults.Http;

/// <summary>
/// Collects field errors and answers them as an RFC 9457 ValidationProblem:
/// <c>{"status":422,"errors":{"daily_limit":["must be between 1 and 100"]}}</c>.
/// <code>
/// var errors = new ValidationErrors().When(request.DailyLimit is &lt; 1 or &gt; 100, "daily_limit", "must be between 1 and 100");
/// if (errors.Any) return errors.ToResult();
/// </code>
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public ValidationErrors Add(string field, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public ValidationErrors When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    /// <summary>422 by default (the request was readable but its values are wrong); pass 400 for malformed input.</summary>
    public IResult ToResult(int statusCode = StatusCodes.Status422UnprocessableEntity, string? detail = null) =>
        Results.ValidationProblem(ToDictionary(), detail: detail, statusCode: statusCode);

    /// <summary>The common case of a single bad field.</summary>
    public static IResult Problem(string field, string message, int statusCode = StatusCodes.Status422UnprocessableEntity) =>
        new ValidationErrors().Add(field, message).ToResult(statusCode, message);
}
