namespace Outreach.EventSourcing;

/// <summary>
/// The service's own read-table migrations. Forward-only and additive: never edit or remove a step that has
/// shipped, add a new version. Each step runs once, in version order, at startup, under an advisory lock.
/// </summary>
public sealed class MigrationOptions
{
    private readonly SortedDictionary<int, Migration> _steps = [];

    public MigrationOptions Add(int version, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        if (!_steps.TryAdd(version, new Migration(Migration.ServiceScope, version, name, sql)))
            throw new InvalidOperationException($"Migration version {version} is declared twice.");
        return this;
    }

    internal IReadOnlyCollection<Migration> Steps => _steps.Values;
}
