using System.Globalization;
using System.Text.Json.Serialization;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Invitations;

/// <summary>
/// POST /api/v1/users/invite {"provider_id","account_id","message"?,"user_email"?} → 201 UserInvitationSent.
/// provider_id must be one the viewer was shown by GET /users/{identifier} (strict: a computed id is not enough,
/// just as a real client cannot invent LinkedIn's ids). Refusals, in this order: 400 invalid_parameters, 404 account,
/// 401 disconnected_account, 400 too_many_characters, 404 recipient, 422 already_connected,
/// 422 already_invited_recently, 422 cannot_resend_yet, 429 limit_exceeded (with retry-after).
/// user_email is accepted and ignored: LinkedIn asks for it only of some recipients, the sandbox never does.
/// </summary>
public static class SendInvitation
{
    public const string ConnectedTag = "connected-";

    public sealed record Request(string? ProviderId, string? AccountId, string? Message, string? UserEmail);

    /// <summary>usage is there only when this send crossed a threshold of the weekly limit (50, 75, 90 or 95 %).</summary>
    public sealed record Response(string InvitationId, int? Usage)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "UserInvitationSent";
    }

    public static IResult Handle(Request? request, HttpContext context, AccountStore accounts, ProfileDirectory profiles, InvitationBook book)
    {
        if (string.IsNullOrEmpty(request?.AccountId))
            return UnipileErrors.InvalidParameter("account_id is required.");
        if (string.IsNullOrEmpty(request.ProviderId))
            return UnipileErrors.InvalidParameter("provider_id is required.");
        var (error, sender) = ConnectedAccounts.Find(request.AccountId, accounts);
        if (error is not null)
            return error;

        var message = request.Message ?? "";
        var maxLength = InvitationMessages.MaxLength(sender!.Username);
        if (message.Length > maxLength)
            return UnipileErrors.Problem(StatusCodes.Status400BadRequest, UnipileErrors.TooManyCharacters, "Too many characters",
                $"The message has {message.Length} characters; this account allows {maxLength}.");
        if (profiles.PublicIdentifierOf(sender.MemberId, request.ProviderId) is not { } recipient)
            return UnipileErrors.NotFound($"No LinkedIn member '{request.ProviderId}' seen by this account.");

        var ledger = book.For(sender.MemberId);
        lock (ledger.Gate)
        {
            var now = book.Clock.GetUtcNow();
            ledger.Refresh(now);
            if (Refusal(ledger, recipient, now, book.Options, context) is { } refused)
                return refused;

            var sentBefore = InvitationLimits.SentThisWeek(ledger, now);
            var ordinal = ledger.NextOrdinal();
            var id = book.NewId(sender.MemberId, ordinal, recipient);
            ledger.Add(new SentInvitation
            {
                Id = id,
                Ordinal = ordinal,
                SenderAccountId = sender.Id,
                RecipientPublicIdentifier = recipient,
                RecipientProviderId = request.ProviderId,
                Message = message,
                SentAt = now,
                AcceptsAt = AcceptancePlan.AcceptsAt(id, recipient, now, book.Options),
            });
            return Results.Created((string?)null, new Response(id, InvitationLimits.UsageCrossed(sentBefore, sentBefore + 1, book.Options)));
        }
    }

    /// <summary>Why this member cannot invite this person now, if it cannot. Call under the ledger's gate.</summary>
    private static IResult? Refusal(MemberLedger ledger, string recipient, DateTimeOffset now, SandboxOptions options, HttpContext context)
    {
        if (recipient.StartsWith(ConnectedTag, StringComparison.Ordinal) || ledger.IsConnectedTo(recipient))
            return Unprocessable(UnipileErrors.AlreadyConnected, "Already connected", "This member is already a relation.");
        if (ledger.HasPendingTo(recipient))
            return Unprocessable(UnipileErrors.AlreadyInvitedRecently, "Already invited recently", "An invitation to this member is pending.");
        if (ledger.LastWithdrawalTo(recipient) is { } withdrawnAt && now - withdrawnAt < options.ResendCooldown)
            return Unprocessable(UnipileErrors.CannotResendYet, "Cannot resend yet",
                $"An invitation to this member was withdrawn less than {options.ResendCooldownDays.ToString(CultureInfo.InvariantCulture)} days ago.");
        if (InvitationLimits.WaitBeforeNextSend(ledger, now, options) is { } wait)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return UnipileErrors.Problem(StatusCodes.Status429TooManyRequests, UnipileErrors.LimitExceeded, "Limit exceeded",
                $"The invitation limit of this member is reached; a slot frees in {seconds} s.");
        }

        return null;
    }

    private static IResult Unprocessable(string type, string title, string detail) =>
        UnipileErrors.Problem(StatusCodes.Status422UnprocessableEntity, type, title, detail);
}
