using System.Text.Json.Serialization;

namespace Outreach.AppHost.Hosting.State;

/// <summary>Where the dashboard answers, and the link that logs an operator in.</summary>
public sealed record DashboardInfo(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("login_url")] string LoginUrl);
