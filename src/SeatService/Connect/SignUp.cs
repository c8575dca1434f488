using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Outreach.EventSourcing;
using Outreach.SeatService.Seats;
using static Outreach.SeatService.Connect.ConnectPage;

namespace Outreach.SeatService.Connect;

/// <summary>
/// POST /c/{token}/signup (form: first_name, last_name, email, anti-forgery token): creates the seat's identity in
/// identity-service, then appends SeatSignedUp with the names and email sealed and this browser's cookie hash.
/// Invalid input re-renders the form with 422. A link already signed up answers as GET /c/{token} would.
/// </summary>
public static class SignUp
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public static async Task<IResult> Handle(string token, [FromForm(Name = "first_name")] string? firstName, [FromForm(Name = "last_name")] string? lastName,
        [FromForm(Name = "email")] string? email, ConnectLinkState links, IDocumentSession session, IdentityServiceClient identities,
        IOptions<ConnectLinkOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (dead, link, stream) = await OpenConnectLink.LoadAsync(token, links, session, http, ct);
        if (dead is not null)
            return dead;
        var seat = stream!.Aggregate!;
        if (seat.IsSignedUp)
            return Results.Redirect($"/c/{token}", preserveMethod: false);

        firstName = firstName?.Trim();
        lastName = lastName?.Trim();
        email = email?.Trim();
        var errors = new Dictionary<string, string>();
        if (!IsName(firstName))
            errors["first_name"] = $"Enter your first name (at most {MaxNameLength} characters).";
        if (!IsName(lastName))
            errors["last_name"] = $"Enter your last name (at most {MaxNameLength} characters).";
        if (!IsEmail(email))
            errors["email"] = "Enter an email address like jane@example.com.";
        if (errors.Count > 0)
            return Form(http, token, link!.AccountName!, firstName, lastName, email, errors);

        var identityId = await identities.EnsureSeatIdentityAsync(seat.Id, seat.AccountId, seat.KeyId, firstName!, lastName!, ct);
        var key = await SeatKeys.GetOrCreateAsync(session, seat.Id, ct);
        var browser = OnboardingBrowser.Issue(http, options.Value.Lifetime);
        session.TenantId = seat.KeyId;
        stream.AppendOne(new SeatSignedUp(seat.Id, identityId, PersonalDataCipher.Encrypt(key, seat.Id, firstName!),
            PersonalDataCipher.Encrypt(key, seat.Id, lastName!), PersonalDataCipher.Encrypt(key, seat.Id, email!.ToLowerInvariant()),
            browser, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        // Post/Redirect/Get: a reload never posts the form twice.
        return Results.Redirect($"/c/{token}");
    }

    public static IResult Form(HttpContext http, string token, string accountName, string? firstName, string? lastName, string? email,
        IReadOnlyDictionary<string, string>? errors)
    {
        string? Error(string field) => errors is not null && errors.TryGetValue(field, out var message) ? message : null;
        var fields =
            Field("first_name", "First name", "text", firstName, Error("first_name"), $"""autocomplete="given-name" required maxlength="{MaxNameLength}" """) +
            Field("last_name", "Last name", "text", lastName, Error("last_name"), $"""autocomplete="family-name" required maxlength="{MaxNameLength}" """) +
            Field("email", "Email", "email", email, Error("email"), $"""autocomplete="email" required maxlength="{MaxEmailLength}" """);
        return Render(http, errors is { Count: > 0 } ? 422 : 200, "You're invited",
            Paragraph($"{accountName} invited you to connect your LinkedIn account. Sign up to start.") +
            """<p class="steps">Step 1 of 3: sign up · connect LinkedIn · set up</p>""" +
            ConnectPage.Form(http, $"/c/{token}/signup", fields, "Sign up"));
    }

    private static bool IsName(string? value) => value is { Length: > 0 and <= MaxNameLength } && !value.Any(char.IsControl);

    /// <summary>One address, nothing else: MailAddress alone accepts display names ("Jane &lt;j@x.y&gt;").</summary>
    private static bool IsEmail(string? value) =>
        value is { Length: > 0 and <= MaxEmailLength } && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) &&
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
}
