using System.Text.Json.Serialization;
namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>201 of a login or a solved checkpoint. session_token is the sandbox's addition: it re-authenticates later.</summary>
public sealed record AccountCreated(string AccountId, string? SessionToken)
{
    [JsonPropertyName("object"), JsonPropertyOrder(-1)]
    public string Kind => "AccountCreated";
}

/// <summary>202 of a login that waits on a checkpoint.</summary>
public sealed record CheckpointRequired(string AccountId, CheckpointView Checkpoint)
{
    [JsonPropertyName("object"), JsonPropertyOrder(-1)]
    public string Kind => "Checkpoint";
}

public sealed record CheckpointView(string Type, string? Source);

/// <summary>GET /api/v1/accounts/{id}.</summary>
public sealed record AccountView(string Id, string Name, string Type, DateTimeOffset CreatedAt, ConnectionParams ConnectionParams,
    IReadOnlyList<SourceView> Sources, CheckpointView? Checkpoint, string? SessionToken)
{
    [JsonPropertyName("object"), JsonPropertyOrder(-1)]
    public string Kind => "Account";
}

public sealed record ConnectionParams(ImParams Im);

/// <summary>Unipile spells these two in camelCase inside connection_params.im.</summary>
public sealed record ImParams(
    string Id,
    [property: JsonPropertyName("publicIdentifier")] string PublicIdentifier,
    string Username);

public sealed record SourceView(string Id, string Status);

public static class AccountViews
{
    /// <summary>Call under the account's gate.</summary>
    public static CheckpointRequired Checkpoint(SandboxAccount account) =>
        new(account.Id, new CheckpointView(account.Checkpoint!.Type, account.Checkpoint.Source));

    /// <summary>Call under the account's gate.</summary>
    public static AccountView Of(SandboxAccount account) => new(
        account.Id,
        account.Name,
        "LINKEDIN",
        account.CreatedAt,
        new ConnectionParams(new ImParams(account.MemberId, account.PublicIdentifier, account.Username)),
        [new SourceView($"{account.Id}_MESSAGING", account.Status)],
        account.Checkpoint is { } checkpoint ? new CheckpointView(checkpoint.Type, checkpoint.Source) : null,
        account.Status == SourceStatus.Ok ? account.SessionToken : null);
}
