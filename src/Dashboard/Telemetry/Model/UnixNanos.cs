namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>OTLP times are nanoseconds since the Unix epoch; the store keeps them so, and converts only to show them.</summary>
public static class UnixNanos
{
    private const long NanosPerTick = 100;

    public static DateTimeOffset ToDateTimeOffset(long unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNanos / NanosPerTick);

    public static TimeSpan Between(long startUnixNanos, long endUnixNanos) =>
        TimeSpan.FromTicks(Math.Max(0, endUnixNanos - startUnixNanos) / NanosPerTick);

    public static long Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * NanosPerTick;

    public static double ToMilliseconds(long nanos) => nanos / 1_000_000.0;
}
