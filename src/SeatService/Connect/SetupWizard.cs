using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Outreach.EventSourcing;
using Outreach.SeatService.Seats;
using static Outreach.SeatService.Connect.ConnectPage;

namespace Outreach.SeatService.Connect;

/// <summary>
/// The setup wizard after LinkedIn is connected, seed 000's four steps, each saved as a seat event so a reopened
/// link resumes at the same step: Add Product (POST /c/{token}/product), Profile Settings (/profile: daily limit,
/// IANA time zone, working hours), Review Product (/review), Complete (/complete: SeatActivated, only once
/// seat-service has recorded LinkedInConnected).
/// </summary>
public static class SetupWizard
{
    public const int MaxProductLength = 1000;

    public static IResult Page(HttpContext http, string token, Seat seat, string? error = null, int status = 200)
    {
        if (seat.Product is null)
            return ProductForm(http, token, null, error, status);
        if (seat.TimeZone is null)
            return ProfileForm(http, token, seat, error, status);
        if (!seat.ProductConfirmed)
            return Render(http, status, "Review your product",
                """<p class="steps">Setup 3 of 4: review</p>""" +
                $"""<dl><dt>You sell</dt><dd>{E(seat.Product)}</dd><dt>Daily limit</dt><dd>{seat.DailyLimit}</dd>""" +
                $"""<dt>Working hours</dt><dd>{Clock(seat.StartMinute)}–{Clock(seat.EndMinute)} {E(seat.TimeZone)}</dd></dl>""" +
                Form(http, $"/c/{token}/review", "", "Confirm"));
        return Render(http, status, "Complete your setup",
            """<p class="steps">Setup 4 of 4: complete</p>""" + (error is null ? "" : $"""<p class="error" role="alert">{E(error)}</p>""") +
            Paragraph("Finish to start sending from your LinkedIn account.") + Form(http, $"/c/{token}/complete", "", "Finish setup"));
    }

    public static async Task<IResult> Product(string token, [FromForm(Name = "product")] string? product, ConnectLinkState links,
        IDocumentStore store, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        await StepAsync(token, links, store, session, http, (seat, stream) =>
        {
            product = product?.Trim();
            if (string.IsNullOrEmpty(product) || product.Length > MaxProductLength)
                return ProductForm(http, token, product, $"Describe what you sell (1 to {MaxProductLength} characters).", 422);
            stream.AppendOne(new OnboardingProductAdded(seat.Id, product, clock.GetUtcNow()));
            return null;
        }, ct);

    public static async Task<IResult> Profile(string token, [FromForm(Name = "daily_limit")] string? dailyLimit, [FromForm(Name = "time_zone")] string? timeZone,
        [FromForm(Name = "start")] string? start, [FromForm(Name = "end")] string? end, ConnectLinkState links, IDocumentStore store,
        IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        await StepAsync(token, links, store, session, http, (seat, stream) =>
        {
            if (!int.TryParse(dailyLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || !DailyLimits.IsValid(limit))
                return ProfileForm(http, token, seat, $"The daily limit must be a whole number from 1 to {DailyLimits.Maximum}.", 422);
            if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
                return ProfileForm(http, token, seat, "Choose your time zone from the list.", 422);
            if (Minutes(start) is not { } from || Minutes(end) is not { } to || from >= to)
                return ProfileForm(http, token, seat, "Working hours must start before they end, e.g. 09:00 to 17:00.", 422);
            var now = clock.GetUtcNow();
            // The link's seat is never deleted here (the link would be dead), so the limit, already checked, is taken.
            if (seat.SetDailyLimit(limit, now) is { Count: > 0 } changed)
                stream.AppendMany(changed);
            stream.AppendOne(new SeatWorkingHoursSet(seat.Id, seat.AccountId, seat.KeyId, zone.Id, from, to, now));
            return null;
        }, ct);

    // Review and Complete read no field, but bind the form like every other step so that its anti-forgery token is checked.
    public static async Task<IResult> Review(string token, IFormCollection antiforgeryForm, ConnectLinkState links, IDocumentStore store, IDocumentSession session, TimeProvider clock, HttpContext http,
        CancellationToken ct) =>
        await StepAsync(token, links, store, session, http, (seat, stream) =>
        {
            if (seat.ConfirmProduct(clock.GetUtcNow()) is { } confirmed)
                stream.AppendOne(confirmed);
            return null;
        }, ct);

    /// <summary>Activation: the last step, allowed only once LinkedIn is connected and every step was saved.</summary>
    public static async Task<IResult> Complete(string token, IFormCollection antiforgeryForm, ConnectLinkState links, IDocumentStore store, IDocumentSession session, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        IResult? done = null;
        var result = await StepAsync(token, links, store, session, http, (seat, stream) =>
        {
            done = null; // a retried decision starts over
            if (!seat.ProductConfirmed)
                return null;
            if (!seat.IsLinkedInConnected)
                return Page(http, token, seat, "Your LinkedIn connection is still being recorded. Try again in a moment.", 409);
            if (seat.Activate(clock.GetUtcNow()) is not { } activated)
                return null;
            stream.AppendOne(activated);
            done = Render(http, 200, "You're all set", Paragraph("Your seat is active. You can close this page; this link has now been used."));
            return null;
        }, ct);
        return done ?? result;
    }

    /// <summary>
    /// Loads the bound seat, lets <paramref name="decide"/> append or answer a page, saves, and redirects to the next
    /// step. LinkedInConnected and the tenant's own commands write the same stream while the person is here, so a save
    /// that loses that race is decided again on the new state (ConflictRetry) rather than shown to the person as a 409.
    /// </summary>
    private static Task<IResult> StepAsync(string token, ConnectLinkState links, IDocumentStore store, IDocumentSession requestSession,
        HttpContext http, Func<Seat, IEventStream<Seat>, IResult?> decide, CancellationToken ct) =>
        store.DecideWithRetryAsync(requestSession, async session =>
        {
            var (dead, _, stream) = await OpenConnectLink.LoadAsync(token, links, session, http, ct);
            if (dead is not null)
                return dead;
            var seat = stream!.Aggregate!;
            if (!seat.IsSignedUp || !OnboardingBrowser.IsBound(http, seat))
                return seat.IsSignedUp ? ResumeOnboarding.Refusal(http, token, null) : Results.Redirect($"/c/{token}");
            if (!seat.IsLinkedInConnected && seat.LoginSessionId is null)
                return Results.Redirect($"/c/{token}");
            session.TenantId = seat.KeyId;
            if (decide(seat, stream) is { } page)
                return page;
            await session.SaveChangesAsync(ct);
            return Results.Redirect($"/c/{token}");
        });

    private static IResult ProductForm(HttpContext http, string token, string? product, string? error, int status) => Render(http, status, "Add your product",
        """<p class="steps">LinkedIn connected. Setup 1 of 4: add product</p>""" +
        Form(http, $"/c/{token}/product",
            """<label for="product">What do you sell?</label>""" +
            $"""<textarea id="product" name="product" rows="5" required maxlength="{MaxProductLength}"{(error is null ? "" : """ aria-invalid="true" aria-describedby="product-error" """)}>{E(product)}</textarea>""" +
            (error is null ? "" : $"""<p class="error" id="product-error">{E(error)}</p>"""),
            "Save and continue"));

    private static IResult ProfileForm(HttpContext http, string token, Seat seat, string? error, int status)
    {
        var zones = string.Concat(TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)
            .Select(id => $"""<option value="{E(id)}"{(id == "Etc/UTC" ? " selected" : "")}>{E(id)}</option>"""));
        return Render(http, status, "Profile settings",
            """<p class="steps">Setup 2 of 4: profile settings</p>""" + (error is null ? "" : $"""<p class="error" role="alert">{E(error)}</p>""") +
            Form(http, $"/c/{token}/profile",
                Field("daily_limit", $"Invitations per day (1 to {DailyLimits.Maximum})", "number", seat.DailyLimit.ToString(CultureInfo.InvariantCulture), null,
                    $"""min="1" max="{DailyLimits.Maximum}" required """) +
                $"""<label for="time_zone">Time zone</label><select id="time_zone" name="time_zone" required>{zones}</select>""" +
                Field("start", "Working hours start", "time", "09:00", null, "required ") +
                Field("end", "Working hours end", "time", "17:00", null, "required "),
                "Save and continue"));
    }

    private static int? Minutes(string? hhmm) =>
        TimeOnly.TryParseExact(hhmm, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : null;

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
