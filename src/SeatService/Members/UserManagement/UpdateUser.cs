using System.Security.Claims;
using System.Text.Json.Nodes;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// PUT /user-management/users/ {"user_uid", "email"?, "display_name"?, "phone"?, …attributes} → 200
/// {"message","userData"} (seed 001). Fields left out keep their value; "phone": null clears the phone. Every other
/// field is a profile attribute: it is set, or removed when sent as null.
/// </summary>
public static class UpdateUser
{
    private static readonly HashSet<string> ProfileFields = new(StringComparer.Ordinal) { "user_uid", "email", "display_name", "phone" };

    public static async Task<IResult> Handle(JsonObject? body, ClaimsPrincipal user, IDocumentSession session, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        if (body is null)
            return Problems.Invalid("user_uid", "A JSON object with user_uid is required.");
        if (JsonBodyFields.Unreadable(body) is { } unreadable)
            return unreadable;
        if (JsonBodyFields.Text(body, "user_uid", out _, out var uid) is { } badUid)
            return badUid;
        if (string.IsNullOrEmpty(uid))
            return Problems.Invalid("user_uid", "user_uid is required.");
        if (JsonBodyFields.Text(body, "email", out var emailSent, out var emailValue) is { } badEmailType)
            return badEmailType;
        if (JsonBodyFields.Text(body, "display_name", out var nameSent, out var nameValue) is { } badNameType)
            return badNameType;
        if (JsonBodyFields.Text(body, "phone", out var phoneSent, out var phoneValue) is { } badPhoneType)
            return badPhoneType;

        var caller = user.Tenant();
        var stream = await TenantMembers.LoadAsync(session, uid, caller, ct);
        if (stream?.Aggregate is not { } member)
            return MemberProblems.UserNotFound(uid);

        var email = member.Email;
        if (emailSent && MemberFields.Email(emailValue, "email", out email) is { } badEmail)
            return badEmail;
        var displayName = member.DisplayName;
        if (nameSent && MemberFields.DisplayName(nameValue, "display_name", out displayName) is { } badName)
            return badName;
        var phone = member.Phone;
        if (phoneSent && MemberFields.Phone(phoneValue, "phone", out phone) is { } badPhone)
            return badPhone;
        var changes = body.Where(field => !ProfileFields.Contains(field.Key));
        if (MemberAttributes.Merge(member.Attributes, changes, out var attributes) is { } badAttribute)
            return badAttribute;

        var emailChanged = MemberFields.EmailKey(email) != MemberFields.EmailKey(member.Email);
        if (emailChanged && !member.IsDisabled && await MemberDirectory.EmailInUseAsync(db, caller.AccountId, email, member.Uid, ct))
            return Problems.Conflict("An active member of the account already uses this email.");

        var unchanged = email == member.Email && displayName == member.DisplayName && phone == member.Phone
            && attributes.GetRawText() == member.Attributes.GetRawText();
        if (!unchanged)
        {
            var updated = new MemberProfileUpdated(member.Uid, member.AccountId, email, displayName, phone, attributes, clock.GetUtcNow());
            stream.AppendOne(updated);
            if (await MemberWrites.SaveAsync(session, ct) is { } conflict)
                return conflict;
            member.Apply(updated);
        }
        return Results.Ok(UserData.Envelope(UserData.From(member), "User updated successfully"));
    }
}
