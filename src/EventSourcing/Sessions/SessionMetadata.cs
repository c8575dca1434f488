namespace Outreach.EventSourcing;

/// <summary>The metadata one unit of work stamps on all its events.</summary>
internal sealed record SessionMetadata(string? CorrelationId, string? CausationId, string? TraceParent, string? TenantId, string? Actor);
