using Outreach.EventSourcing;
using Outreach.SeatService.Seats;
using static Outreach.SeatService.Connect.ConnectPage;

namespace Outreach.SeatService.Connect;

/// <summary>
/// GET /c/{token}: the page a person lands on from connect_url, at the step their seat's events say they are at.
/// An expired, used, superseded or suspended link answers 410 and says which; an unknown one 404. After sign-up,
/// a browser without the seat's onboarding cookie gets 403 and may reclaim the onboarding with the sign-up email.
/// </summary>
public static class OpenConnectLink
{
    public static async Task<IResult> Handle(string token, ConnectLinkState links, IDocumentSession session, IdentityServiceClient identities,
        HttpContext http, CancellationToken ct)
    {
        var (dead, link, stream) = await LoadAsync(token, links, session, http, ct);
        if (dead is not null)
            return dead;
        var seat = stream!.Aggregate!;
        if (!seat.IsSignedUp)
            return SignUp.Form(http, token, link!.AccountName!, null, null, null, null);
        if (!OnboardingBrowser.IsBound(http, seat))
            return ResumeOnboarding.Refusal(http, token, null);
        return await ConnectLinkedIn.Page(http, token, seat, identities, null, ct);
    }

    /// <summary>The link's seat for writing, or the page that ends the visit (a dead or unknown link).</summary>
    public static async Task<(IResult? Dead, ConnectLinkLookup? Link, IEventStream<Seat>? Stream)> LoadAsync(string token, ConnectLinkState links,
        IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        var link = await links.LookupAsync(token, ct);
        var dead = link.Status switch
        {
            ConnectLinkStatus.Valid => null,
            ConnectLinkStatus.Expired => Render(http, 410, "This link has expired", Paragraph("Ask the person who sent it for a new link.")),
            ConnectLinkStatus.Superseded => Render(http, 410, "This link was replaced", Paragraph("A newer link was issued for you. Use the newest link you received.")),
            ConnectLinkStatus.Suspended => Render(http, 410, "This link no longer works", Paragraph("Your seat was suspended. If it is restored you will get a new link.")),
            ConnectLinkStatus.Used => Render(http, 410, "This link was already used", Paragraph("Each link works for one sign-up.")),
            _ => Render(http, 404, "Link not found", Paragraph("Check that you copied the whole link.")),
        };
        if (dead is not null)
            return (dead, link, null);
        var stream = await session.Events.FetchForWriting<Seat>(link.SeatId!, ct);
        return stream.Aggregate is { IsDeleted: false }
            ? (null, link, stream)
            : (Render(http, 404, "Link not found", Paragraph("Check that you copied the whole link.")), link, null);
    }
}
