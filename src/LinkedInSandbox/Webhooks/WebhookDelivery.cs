using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Outreach.ServiceDefaults.Http;

namespace Outreach.LinkedInSandbox.Webhooks;

/// <summary>The users-webhook body Unipile posts when an invitation is accepted.</summary>
public sealed record NewRelationEvent(string AccountId, string WebhookName, string UserFullName, string UserProviderId, string UserPublicIdentifier, string UserProfileUrl)
{
    [JsonPropertyOrder(-1)]
    public string Event => "new_relation";
}

/// <summary>
/// Posts an event to a webhook, fire-and-forget: a few tries with a growing pause, then it gives up and logs, so a
/// dead listener never holds the sandbox up. Any 2xx is delivered.
/// </summary>
public sealed class WebhookDelivery(IHttpClientFactory clients, ILogger<WebhookDelivery> logger)
{
    public const string ClientName = "webhooks";
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public void Post(Webhook webhook, NewRelationEvent payload, CancellationToken stopping) =>
        _ = Task.Run(() => PostWithRetriesAsync(webhook, payload, stopping), CancellationToken.None);

    private async Task PostWithRetriesAsync(Webhook webhook, NewRelationEvent payload, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await TryPostAsync(webhook, payload, stopping))
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
            {
                logger.LogDebug(exception, "Webhook {WebhookId} did not answer.", webhook.Id);
            }

            if (attempt >= Pauses.Length || stopping.IsCancellationRequested)
            {
                logger.LogWarning("Gave up delivering {Event} to webhook {WebhookId} after {Attempts} attempts.", payload.Event, webhook.Id, attempt + 1);
                return;
            }

            try
            {
                await Task.Delay(Pauses[attempt], stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryPostAsync(Webhook webhook, NewRelationEvent payload, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.RequestUrl)
        {
            Content = JsonContent.Create(payload, options: JsonConventions.Options),
        };
        foreach (var header in webhook.Headers)
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, stopping);
        return response.IsSuccessStatusCode;
    }
}
