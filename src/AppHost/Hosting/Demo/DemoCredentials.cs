using System.Text.Json.Serialization;

namespace Outreach.AppHost.Hosting.Demo;

/// <summary>
/// The demo account and its key as kept in the data directory. The key id is kept too, so the key can be
/// revoked later; the secret is not needed by the README's examples and is not kept.
/// </summary>
internal sealed record DemoCredentials(
    [property: JsonPropertyName("account_id")] string AccountId,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("access_key")] string AccessKey);
