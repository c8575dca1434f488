using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST, by Stripe's rules: the same key with the same request replays the first answer
/// (status, body, Location) with <c>Idempotent-Replayed: true</c>; the same key with a different request, or while the
/// first is still running, is a 409; answers of 5xx are not kept, so a retry runs again. Runs after authentication,
/// because a key belongs to the caller.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IProblemDetailsService problems,
    IOptions<IdempotencyOptions> options)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) ||
            !context.Request.Headers.TryGetValue(IdempotencyOptions.HeaderName, out var values) ||
            Scope(context.User) is not { } scope)
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || values[0] is not { } key || !IsWellFormed(key, options.Value.MaxKeyLength))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, new ValidationProblemDetails(
                new Dictionary<string, string[]>
                {
                    [IdempotencyOptions.HeaderName] = [$"Send one {IdempotencyOptions.HeaderName} of 1 to {options.Value.MaxKeyLength} visible ASCII characters."],
                })
            { Detail = $"The {IdempotencyOptions.HeaderName} header is not valid." });
            return;
        }

        var ct = context.RequestAborted;
        var fingerprint = await FingerprintAsync(context.Request, ct);
        switch (await store.ClaimAsync(scope, key, fingerprint, ct))
        {
            case IdempotencyClaim.Replay replay:
                await ReplayAsync(context, replay.Response, ct);
                return;
            case IdempotencyClaim.Mismatch:
                await WriteConflictAsync(context, $"This {IdempotencyOptions.HeaderName} was already used with a different request.");
                return;
            case IdempotencyClaim.InProgress:
                await WriteConflictAsync(context, $"A request with this {IdempotencyOptions.HeaderName} is still being processed; retry later.");
                return;
        }

        await RunAndKeepAsync(context, scope, key, ct);
    }

    private async Task RunAndKeepAsync(HttpContext context, string scope, string key, CancellationToken ct)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode >= 500)
            await store.ReleaseAsync(scope, key, CancellationToken.None);
        else
            await store.CompleteAsync(scope, key, new StoredResponse(response.StatusCode, response.ContentType,
                response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray()), CancellationToken.None);

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored, CancellationToken ct)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null)
            response.ContentType = stored.ContentType;
        if (stored.Location is not null)
            response.Headers.Location = stored.Location;
        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, ct);
    }

    /// <summary>Whose key it is: the access key the caller authenticated with, or the operator.</summary>
    private static string? Scope(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return null;
        if (user.FindFirst("key_id")?.Value is { } keyId)
            return "key:" + keyId;
        return user.IsInRole("operator") ? "operator" : null;
    }

    private static bool IsWellFormed(string key, int maxLength) =>
        key.Length >= 1 && key.Length <= maxLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>The request as the key must match it: method, path with query, and the body's bytes.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private Task WriteConflictAsync(HttpContext context, string detail) =>
        WriteProblemAsync(context, StatusCodes.Status409Conflict, new ProblemDetails { Title = "Conflict", Detail = detail });

    private async Task WriteProblemAsync(HttpContext context, int status, ProblemDetails problem)
    {
        context.Response.StatusCode = status;
        problem.Status = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
