using Outreach.EventSourcing;
using Outreach.SeatService.Auth;

namespace Outreach.SeatService.Accounts;

/// <summary>POST /admin/accounts {"name"} → 201 {"account_id","name"}. Operator only.</summary>
public static class CreateAccount
{
    public sealed record Request(string? Name);

    public sealed record Response(string AccountId, string Name);

    public const int MaxNameLength = 200;

    public static async Task<IResult> Handle(Request? request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            return Problems.Invalid("name", "The account name is required.");
        if (name.Length > MaxNameLength)
            return Problems.Invalid("name", $"The account name is at most {MaxNameLength} characters.");

        var accountId = Secrets.NewId("acc_");
        session.Events.StartStream<Account>(accountId, new AccountCreated(accountId, name, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Results.Created($"/admin/accounts/{accountId}", new Response(accountId, name));
    }
}
