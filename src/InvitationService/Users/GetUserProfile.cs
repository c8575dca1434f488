using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.InvitationService.Invitations;
using Outreach.InvitationService.Provider;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Users;

/// <summary>
/// GET /api/v1/users/{identifier}?account_id= → 200 the provider's UserProfile as that account sees it (seed 004, step 1):
/// provider_id is scoped to the viewer, so it is only good for invitations from the same account_id. The body is the
/// provider's, passed on unchanged.
/// </summary>
public static class GetUserProfile
{
    public static async Task<IResult> Handle(string identifier, [FromQuery(Name = "account_id")] string? accountId, ClaimsPrincipal user,
        NpgsqlDataSource db, IInvitationProvider provider, HttpContext http, CancellationToken ct)
    {
        if ((InvitationFields.RequireId(accountId, "account_id") ?? InvitationFields.RequireId(identifier, "identifier")) is { } invalid)
            return invalid;
        var caller = user.Tenant();
        var sender = await SenderView.ForCallerAsync(db, accountId!, caller.AccountId, caller.KeyId, ct);
        if (sender is null)
            return InvitationErrors.AccountNotFound(accountId!);
        if (!sender.Connected)
            return InvitationErrors.Disconnected("The LinkedIn account is disconnected; its identity must log in again.");
        try
        {
            var answer = await provider.GetProfileAsync(sender.ProviderAccountId, identifier, ct);
            return answer.Succeeded ? Results.Json(answer.Value!.Raw) : InvitationErrors.FromProvider(http, answer.Error!);
        }
        catch (ProviderUnavailableException e)
        {
            return InvitationErrors.Unavailable(e.Message);
        }
    }
}
