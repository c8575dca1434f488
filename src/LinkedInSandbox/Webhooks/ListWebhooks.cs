using System.Text.Json.Serialization;

namespace Outreach.LinkedInSandbox.Webhooks;

/// <summary>GET /api/v1/webhooks → 200 WebhookList, oldest first, in one page (a sandbox has few).</summary>
public static class ListWebhooks
{
    public sealed record WebhookView(string Id, string Source, string RequestUrl, string Name, IReadOnlyList<WebhookHeader> Headers, DateTime CreatedAt)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "Webhook";
    }

    public sealed record Response(IReadOnlyList<WebhookView> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cursor)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "WebhookList";
    }

    public static IResult Handle(WebhookStore webhooks) => Results.Ok(new Response(
        webhooks.All().Select(webhook => new WebhookView(webhook.Id, webhook.Source, webhook.RequestUrl.ToString(), webhook.Name, webhook.Headers,
            webhook.CreatedAt.UtcDateTime)).ToList(),
        null));
}
