using System.Text.Json.Serialization;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Webhooks;

/// <summary>DELETE /api/v1/webhooks/{webhook_id} → 200 WebhookDeleted; an unknown id is 404. Deliveries already under way finish.</summary>
public static class DeleteWebhook
{
    public sealed record Response(string WebhookId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "WebhookDeleted";
    }

    public static IResult Handle(string webhookId, WebhookStore webhooks) =>
        webhooks.Remove(webhookId) ? Results.Ok(new Response(webhookId)) : UnipileErrors.NotFound($"No webhook '{webhookId}'.");
}
