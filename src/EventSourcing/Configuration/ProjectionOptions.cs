namespace Outreach.EventSourcing;

/// <summary>The registered projections, by name.</summary>
public sealed class ProjectionOptions
{
    private readonly List<EventProjection> _projections = [];

    public void Add<TProjection>(ProjectionLifecycle lifecycle = ProjectionLifecycle.Inline)
        where TProjection : EventProjection, new() => Add(new TProjection(), lifecycle);

    public void Add(EventProjection projection, ProjectionLifecycle lifecycle = ProjectionLifecycle.Inline)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (lifecycle != ProjectionLifecycle.Inline)
            throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, "Only inline projections are supported.");
        if (_projections.Any(p => p.Name == projection.Name))
            throw new InvalidOperationException($"A projection named '{projection.Name}' is already registered.");
        _projections.Add(projection);
    }

    public IReadOnlyList<EventProjection> All => _projections;
}
