using System.Security.Claims;
using System.Text.Json.Serialization;
using Npgsql;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// POST /api/v1/users/invite {provider_id, account_id, message?, user_email?} → 200
/// {"object":"UserInvitationSent","invitation_id","usage"?}: sends now from account_id, a LinkedIn account of an
/// identity under the caller's key, within its seat's daily limit. usage (the day's percentage used) appears only
/// when this send crossed 50, 75, 90 or 95 %. Errors carry Unipile's types (see InvitationErrors).
/// </summary>
public static class SendInvitation
{
    public sealed record Request(string? ProviderId, string? AccountId, string? Message, string? UserEmail);

    public sealed record Response(string InvitationId, int? Usage)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserInvitationSent";
    }

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, NpgsqlDataSource db, InvitationDispatcher dispatcher,
        HttpContext http, CancellationToken ct)
    {
        if (request is null)
            return InvitationErrors.Invalid("body", "A JSON body with provider_id and account_id is required.");
        if ((InvitationFields.RequireId(request.ProviderId, "provider_id") ?? InvitationFields.RequireId(request.AccountId, "account_id")
            ?? InvitationFields.CheckMessage(request.Message, "message") ?? InvitationFields.CheckEmail(request.UserEmail, "user_email")) is { } invalid)
            return invalid;

        var caller = user.Tenant();
        var sender = await SenderView.ForCallerAsync(db, request.AccountId!, caller.AccountId, caller.KeyId, ct);
        if (sender is null)
            return InvitationErrors.AccountNotFound(request.AccountId!);
        if (sender.WhyNotSending is { } why)
            return InvitationErrors.Disconnected(why);

        return await dispatcher.SendNowAsync(sender, request.ProviderId!, request.Message, request.UserEmail, ct) switch
        {
            SendOutcome.Sent sent => Results.Ok(new Response(sent.InvitationId, sent.Usage)),
            SendOutcome.Refused refused => InvitationErrors.FromProvider(http, refused.Error),
            SendOutcome.LimitReached limit => InvitationErrors.LimitReached(http, limit.Limit, limit.RetryAfterSeconds),
            SendOutcome.Paused paused => InvitationErrors.Disconnected(paused.Why),
            SendOutcome.Unavailable unavailable => InvitationErrors.Unavailable(unavailable.Detail),
            _ => Problems.Conflict("The invitation changed while it was being sent; look it up before trying again."),
        };
    }
}
