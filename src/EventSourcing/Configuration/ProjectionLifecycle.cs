namespace Outreach.EventSourcing;

/// <summary>When a projection runs. Only inline projections exist today: they update read tables in the append's own transaction.</summary>
public enum ProjectionLifecycle
{
    Inline,
}
