using System.Text.Json;
using System.Text.Json.Nodes;
using Outreach.EventSourcing;

namespace Outreach.SeatService.Accounts;

/// <summary>
/// PUT /admin/accounts/{account_id}/rate-limit {"requests_per_minute": N | null} → 200 {"account_id","requests_per_minute"}.
/// Sets how many requests a minute each of the account's keys may make, in every service; null returns the account to
/// the services' default (RateLimits:PermitsPerMinute). Operator only. seat-service applies it from the next request;
/// the other services learn it with their next key check (at most Auth:RemoteAccessKeys:PositiveCacheDuration later).
/// </summary>
public static class SetRateLimit
{
    public const string Field = "requests_per_minute";
    public const int MaxRequestsPerMinute = 100_000;

    public sealed record Response(string AccountId, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] int? RequestsPerMinute);

    public const string Migration = "ALTER TABLE accounts ADD COLUMN IF NOT EXISTS requests_per_minute int;";

    public static async Task<IResult> Handle(string accountId, JsonObject? request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (request is null || !request.TryGetPropertyValue(Field, out var value))
            return Problems.Invalid(Field, $"{Field} is required: a whole number of requests, or null for the default.");
        int? limit = null;
        if (value is not null)
        {
            if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var parsed) || parsed is < 1 or > MaxRequestsPerMinute)
                return Problems.Invalid(Field, $"{Field} must be a whole number from 1 to {MaxRequestsPerMinute}, or null for the default.");
            limit = parsed;
        }

        var account = await session.Events.FetchForWriting<Account>(accountId, ct);
        if (account.Aggregate is null)
            return Problems.NotFound("account");
        if (account.Aggregate.RequestsPerMinute != limit)
        {
            account.AppendOne(new AccountRateLimitSet(accountId, limit, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        return Results.Ok(new Response(accountId, limit));
    }
}
