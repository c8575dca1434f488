namespace Outreach.ServiceDefaults.Memory;

/// <summary>When an idle service hands its spare heap back to the system (section <c>Memory:IdleTrim</c>).</summary>
public sealed class IdleMemoryTrimOptions
{
    public const string SectionName = "Memory:IdleTrim";

    public bool Enabled { get; set; } = true;

    /// <summary>After the collection, also return the C allocator's free pages (glibc <c>malloc_trim</c>) to the system.</summary>
    public bool ReleaseNativeHeap { get; set; } = true;

    /// <summary>How often the allocation rate is looked at.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Below this many bytes allocated in one interval the service counts as idle (its timers and probes allocate a little).</summary>
    public long IdleAllocationBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A trim needs at least this much allocated since the last one: a service that stayed idle is not trimmed again.</summary>
    public long ActivitySinceTrimBytes { get; set; } = 64 * 1024 * 1024;
}
