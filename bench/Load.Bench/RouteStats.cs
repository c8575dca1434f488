using System.Collections.Concurrent;
using System.Diagnostics;

namespace Outreach.Load.Bench;

/// <summary>Reads and commands are held to different baselines (bare endpoint and raw INSERT).</summary>
internal enum RouteKind
{
    Read,
    Command,
}

/// <summary>Everything measured on one route in one phase: latencies and statuses.</summary>
internal sealed class RouteSeries(string route, RouteKind kind)
{
    private readonly Lock _gate = new();
    private readonly List<double> _ms = [];
    private readonly Dictionary<int, int> _statuses = [];
    private readonly List<string> _errorSamples = [];

    public string Route { get; } = route;
    public RouteKind Kind { get; } = kind;

    /// <summary>The first few unexpected answers' bodies, so a report says what went wrong, not only how often.</summary>
    public IReadOnlyList<string> ErrorSamples
    {
        get
        {
            lock (_gate)
                return [.. _errorSamples];
        }
    }

    public void Add(double ms, Outcome outcome)
    {
        var status = outcome.Status;
        lock (_gate)
        {
            _ms.Add(ms);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if ((status is < 200 or >= 300) && !Mixed.Expected.Contains(status) && _errorSamples.Count < 3)
                _errorSamples.Add($"{status}: {(outcome.Body.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "(no JSON body)" : outcome.Body.ToString())}");
        }
    }

    public (List<double> SortedMs, Dictionary<int, int> Statuses) Snapshot()
    {
        lock (_gate)
            return ([.. _ms.Order()], new Dictionary<int, int>(_statuses));
    }
}

/// <summary>The routes of one phase, timed around each call.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, RouteSeries> _routes = new();
    private readonly ConcurrentQueue<(RouteKind Kind, double Ms, int Status)> _window = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _stoppedAt = double.NaN;

    public IReadOnlyList<RouteSeries> Routes => [.. _routes.Values];

    public double Seconds => double.IsNaN(_stoppedAt) ? _clock.Elapsed.TotalSeconds : _stoppedAt;

    public void Stop() => _stoppedAt = _clock.Elapsed.TotalSeconds;

    public async Task<Outcome> TimeAsync(string route, RouteKind kind, Func<Task<Outcome>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await call();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _routes.GetOrAdd(route, r => new RouteSeries(r, kind)).Add(ms, outcome);
        _window.Enqueue((kind, ms, outcome.Status));
        return outcome;
    }

    /// <summary>The answers since the last call, for the live line.</summary>
    public List<(RouteKind Kind, double Ms, int Status)> TakeWindow()
    {
        var taken = new List<(RouteKind, double, int)>();
        while (_window.TryDequeue(out var answer))
            taken.Add(answer);
        return taken;
    }

    public static RouteResult Result(RouteSeries series, double seconds)
    {
        var (sorted, statuses) = series.Snapshot();
        return new RouteResult(series.Route, series.Kind, sorted.Count, sorted.Count / seconds,
            Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95), Stats.Percentile(sorted, 99),
            statuses.Where(s => s.Key is < 200 or >= 300).OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
            [.. series.ErrorSamples]);
    }

    public List<RouteResult> Results() => [.. Routes.OrderBy(r => r.Kind).ThenBy(r => r.Route, StringComparer.Ordinal).Select(r => Result(r, Seconds))];
}

/// <summary>One route's figures: requests/s, p50/p95/p99 (ms) and the non-2xx answers by status (0 = timeout, -1 = broken connection).</summary>
internal sealed record RouteResult(string Route, RouteKind Kind, int Requests, double Rate, double P50, double P95, double P99, Dictionary<string, int> Errors,
    List<string> ErrorSamples);
