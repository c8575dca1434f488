using System.Net;
using System.Text.Json;
using Outreach.LinkedInSandbox.Tests.Support;
using Shouldly;

namespace Outreach.LinkedInSandbox.Tests.Webhooks;

[Collection(InvitationSandboxGroup.Name)]
public sealed class WebhookTests(InvitationSandbox sandbox)
{
    [Fact]
    public async Task A_users_webhook_gets_a_new_relation_with_its_headers_when_an_invitation_is_accepted()
    {
        using var client = sandbox.Client();
        using var listener = new WebhookListener();
        var created = await client.PostAsync("/api/v1/webhooks", new
        {
            request_url = listener.Url.ToString(),
            source = "users",
            name = "relations-hook",
            headers = new[] { new { key = "X-Hook-Secret", value = "s3cret" } },
        });
        var webhookId = created.Str("webhook_id");
        try
        {
            created.Status.ShouldBe(HttpStatusCode.Created);
            created.Str("object").ShouldBe("WebhookCreated");
            var (sender, _) = await client.ConnectedAsync(InvitationCalls.Member());
            var person = $"accepts-ada-lovelace-1{Guid.NewGuid().ToString("N")[..6]}";
            var providerId = await client.ProviderIdAsync(sender, person);
            (await client.InviteAsync(sender, providerId)).Status.ShouldBe(HttpStatusCode.Created);

            var call = await listener.NextAsync(body => body.GetProperty("user_public_identifier").GetString() == person, TimeSpan.FromSeconds(10));

            call.Headers["X-Hook-Secret"].ShouldBe("s3cret");
            call.Body.EnumerateObject().Select(p => p.Name).ShouldBe(
                ["event", "account_id", "webhook_name", "user_full_name", "user_provider_id", "user_public_identifier", "user_profile_url"], ignoreOrder: true);
            Str(call.Body, "event").ShouldBe("new_relation");
            Str(call.Body, "account_id").ShouldBe(sender);
            Str(call.Body, "webhook_name").ShouldBe("relations-hook");
            Str(call.Body, "user_full_name").ShouldBe("Accepts Ada Lovelace");
            Str(call.Body, "user_provider_id").ShouldBe(providerId);
            Str(call.Body, "user_profile_url").ShouldBe($"https://www.linkedin.com/in/{person}");
        }
        finally
        {
            (await client.DeleteAsync($"/api/v1/webhooks/{webhookId}")).Status.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Webhooks_are_listed_and_deleted()
    {
        using var client = sandbox.Client();
        var webhookId = (await client.PostAsync("/api/v1/webhooks", new { request_url = "http://127.0.0.1:9/nowhere", source = "users" })).Str("webhook_id");

        var listed = await client.GetAsync("/api/v1/webhooks");
        var deleted = await client.DeleteAsync($"/api/v1/webhooks/{webhookId}");

        listed.Str("object").ShouldBe("WebhookList");
        var webhook = listed.Body.GetProperty("items").EnumerateArray().Single(item => Str(item, "id") == webhookId);
        Str(webhook, "object").ShouldBe("Webhook");
        Str(webhook, "source").ShouldBe("users");
        Str(webhook, "request_url").ShouldBe("http://127.0.0.1:9/nowhere");
        deleted.Status.ShouldBe(HttpStatusCode.OK);
        deleted.Str("object").ShouldBe("WebhookDeleted");
        deleted.Str("webhook_id").ShouldBe(webhookId);
        (await client.GetAsync("/api/v1/webhooks")).Body.GetProperty("items").EnumerateArray().ShouldNotContain(item => Str(item, "id") == webhookId);
        (await client.DeleteAsync($"/api/v1/webhooks/{webhookId}")).ErrorType.ShouldBe("errors/resource_not_found");
    }

    [Theory]
    [InlineData("""{"request_url":"http://127.0.0.1:9/hook","source":"messaging"}""")]
    [InlineData("""{"request_url":"not a url","source":"users"}""")]
    [InlineData("""{"source":"users"}""")]
    [InlineData("""{"request_url":"http://127.0.0.1:9/hook","source":"users","headers":[{"key":"","value":"x"}]}""")]
    public async Task A_webhook_without_a_url_a_users_source_or_with_a_keyless_header_is_invalid(string body)
    {
        using var client = sandbox.Client();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var refused = await Reply.ReadAsync(await client.Http.PostAsync(new Uri("/api/v1/webhooks", UriKind.Relative), content));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorType.ShouldBe("errors/invalid_parameters");
    }

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
