namespace Outreach.EventSourcing;

/// <summary>The streams-table row of one stream.</summary>
public sealed record StreamState(string Id, long Version, string? AggregateTypeName, string? TenantId, DateTimeOffset Created, bool IsArchived);
