using System.Text.Json.Serialization;
using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Webhooks;

/// <summary>
/// POST /api/v1/webhooks {"request_url","source":"users","name"?,"headers"?:[{"key","value"}]} → 201 WebhookCreated.
/// Only the "users" source exists here (new_relation events); other sources Unipile knows are 400 invalid_parameters,
/// so a client that asks for events the sandbox will never send hears so at once.
/// </summary>
public static class CreateWebhook
{
    public sealed record HeaderRequest(string? Key, string? Value);

    public sealed record Request(string? RequestUrl, string? Source, string? Name, IReadOnlyList<HeaderRequest?>? Headers);

    public sealed record Response(string WebhookId)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "WebhookCreated";
    }

    public static IResult Handle(Request? request, WebhookStore webhooks, TimeProvider clock)
    {
        if (!Uri.TryCreate(request?.RequestUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return UnipileErrors.InvalidParameter("request_url must be an absolute http or https URL.");
        if (request!.Source != WebhookStore.UsersSource)
            return UnipileErrors.InvalidParameter($"source must be \"{WebhookStore.UsersSource}\" (the only source the sandbox sends).");
        var headers = new List<WebhookHeader>();
        foreach (var header in request.Headers ?? [])
        {
            if (string.IsNullOrWhiteSpace(header?.Key) || header.Value is null)
                return UnipileErrors.InvalidParameter("every header needs a key and a value.");
            headers.Add(new WebhookHeader(header.Key, header.Value));
        }

        var webhook = new Webhook(SessionTokens.NewAccountId(), request.Source, url, request.Name ?? "", headers, clock.GetUtcNow(), webhooks.NextOrdinal());
        webhooks.Add(webhook);
        return Results.Created($"/api/v1/webhooks/{webhook.Id}", new Response(webhook.Id));
    }
}
