namespace Outreach.EventSourcing;

/// <summary>One forward-only schema step. Scope separates the store's own steps from the service's.</summary>
internal sealed record Migration(string Scope, int Version, string Name, string Sql)
{
    public const string StoreScope = "event_store";
    public const string ServiceScope = "service";
}
