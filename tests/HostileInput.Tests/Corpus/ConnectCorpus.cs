namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>seat-service's connect pages: form posts to /c/{token}/… without a valid anti-forgery token, and bad tokens.</summary>
public static class ConnectCorpus
{
    public const string Family = "connect";

    private static readonly string[] Steps = ["signup", "resume", "linkedin", "linkedin/code", "product", "profile", "review", "complete"];

    private static readonly IReadOnlyList<(string Name, string Form)> Forms =
    [
        ("no anti-forgery token", "first_name=Ann&last_name=Lee&email=ann%40example.com"),
        ("a forged anti-forgery token", "__RequestVerificationToken=forged&first_name=Ann&last_name=Lee&email=ann%40example.com"),
        ("an empty anti-forgery token", "__RequestVerificationToken=&email=ann%40example.com"),
        ("sql injection", "email=%27%20OR%201%3D1%20--&password=x&code=1&product=%27%3B%20DROP%20TABLE%20events%3B"),
        ("script", "first_name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&product=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"),
        ("NUL and RTL override", "first_name=a%00b&last_name=%E2%80%AEabc&daily_limit=%00"),
        ("invalid UTF-8", "first_name=%ED%A0%80&email=%FF%FE"),
        ("emoji", "first_name=%F0%9F%98%80&time_zone=%F0%9F%98%80"),
        ("truncated", "first_name=Ann&last_na"),
        ("100k characters", "product=" + Payloads.LongText),
        ("over 1 MiB", "product=" + Payloads.Huge),
    ];

    public static IEnumerable<HostileCase> Build(Tenant tenant)
    {
        var service = HostileSystemFixture.SeatService;
        foreach (var step in Steps)
        {
            var path = $"/c/{tenant.ConnectToken}/{step}";
            foreach (var (name, form) in Forms)
                yield return new HostileCase(Family, $"{step} form with {name}", service, HttpMethod.Post, path)
                {
                    Body = form, ContentType = "application/x-www-form-urlencoded",
                };
            yield return new HostileCase(Family, $"{step} as JSON", service, HttpMethod.Post, path) { Body = "{\"email\":\"ann@example.com\"}" };
            yield return new HostileCase(Family, $"{step} as text", service, HttpMethod.Post, path) { Body = "email=ann", ContentType = "text/plain" };
            yield return new HostileCase(Family, $"{step} without a body", service, HttpMethod.Post, path);
        }
        foreach (var hostile in QueryMutations.Ids(Family, service, HttpMethod.Post, "/c/{id}/signup", [], "first_name=Ann"))
            yield return hostile with { ContentType = "application/x-www-form-urlencoded" };
        foreach (var hostile in QueryMutations.Ids(Family, service, HttpMethod.Get, "/c/{id}/linkedin/status", []))
            yield return hostile;
    }
}
