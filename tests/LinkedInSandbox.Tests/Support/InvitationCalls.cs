using System.Net;

namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>The invitation, relation and webhook routes as invitation-service calls them.</summary>
public static class InvitationCalls
{
    public static Task<Reply> InviteAsync(this SandboxClient client, string? accountId, string? providerId, string? message = null) =>
        client.PostAsync("/api/v1/users/invite", new { provider_id = providerId, account_id = accountId, message });

    public static Task<Reply> SentAsync(this SandboxClient client, string? accountId, string? query = null) =>
        client.GetAsync($"/api/v1/users/invite/sent?{Query(accountId, query)}");

    public static Task<Reply> WithdrawAsync(this SandboxClient client, string accountId, string invitationId) =>
        client.DeleteAsync($"/api/v1/users/invite/sent/{invitationId}?account_id={Uri.EscapeDataString(accountId)}");

    public static Task<Reply> RelationsAsync(this SandboxClient client, string? accountId, string? query = null) =>
        client.GetAsync($"/api/v1/users/relations?{Query(accountId, query)}");

    /// <summary>The provider_id this viewer is shown for the person: what must be sent to invite them.</summary>
    public static async Task<string> ProviderIdAsync(this SandboxClient client, string accountId, string publicIdentifier)
    {
        var profile = await client.ProfileAsync(publicIdentifier, accountId);
        if (profile.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"No profile {publicIdentifier}: {profile}");
        return profile.Str("provider_id");
    }

    /// <summary>Looks the person up, then invites them: the 201 (or the refusal).</summary>
    public static async Task<Reply> LookUpAndInviteAsync(this SandboxClient client, string accountId, string publicIdentifier, string? message = null) =>
        await client.InviteAsync(accountId, await client.ProviderIdAsync(accountId, publicIdentifier), message);

    /// <summary>A public identifier no other test uses, with a tag in front when the scenario needs one.</summary>
    public static string Person(string tag = "") => $"{tag}person-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A username no other test uses, so its member's limits and invitations are its own.</summary>
    public static string Member(string? tag = null) =>
        tag is null ? $"sender.{Guid.NewGuid():N}@example.com" : $"sender.{Guid.NewGuid():N}+{tag}@example.com";

    private static string Query(string? accountId, string? query)
    {
        var account = accountId is null ? "" : $"account_id={Uri.EscapeDataString(accountId)}";
        return query is null ? account : $"{account}&{query}";
    }
}
