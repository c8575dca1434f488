using System.Text.Json.Serialization;

namespace Outreach.AppHost.Hosting.State;

/// <summary>The demo account a user can try the API with, once the seat service provides accounts.</summary>
public sealed record DemoInfo(
    [property: JsonPropertyName("account_id")] string AccountId,
    [property: JsonPropertyName("access_key")] string AccessKey);
