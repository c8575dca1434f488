namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// POST /api/v1/accounts/checkpoint/resend {"account_id","provider":"LINKEDIN"} → 202 the same checkpoint, its code sent again.
/// Only checkpoints whose code LinkedIn sends (by SMS, email or app notification) can be resent; the intent window does not restart.
/// </summary>
public static class ResendCheckpoint
{
    public sealed record Request(string? AccountId, string? Provider);

    public static IResult Handle(Request? request, AccountStore accounts)
    {
        var (error, account) = PendingLogin.Find(request?.Provider, request?.AccountId, accounts);
        if (error is not null)
            return error;

        lock (account!.Gate)
        {
            account.Refresh(accounts.Clock.GetUtcNow(), accounts.Options);
            if (PendingLogin.RefuseUnlessPending(account) is { } refused)
                return refused;
            var checkpoint = account.Checkpoint!;
            var sent = checkpoint.Source is not null || checkpoint.Type == CheckpointTypes.InAppValidation;
            if (!sent)
                return PendingLogin.CheckpointError($"A {checkpoint.Type} checkpoint has nothing to resend.");
            checkpoint.Resends++;
            return Results.Accepted($"/api/v1/accounts/{account.Id}", AccountViews.Checkpoint(account));
        }
    }
}
