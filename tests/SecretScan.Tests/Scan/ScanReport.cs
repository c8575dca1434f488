using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// What was scanned where (rows or items, bytes) and which secrets were found, by place, kind and encoding. It prints
/// a table and never the secrets themselves.
/// </summary>
public sealed class ScanReport(IReadOnlyList<KnownSecret> secrets)
{
    private readonly IReadOnlyList<Needle> _needles = [.. secrets.SelectMany(Needle.For)];
    private readonly ConcurrentDictionary<string, Place> _places = new(StringComparer.Ordinal);

    public IReadOnlyList<KnownSecret> Secrets => secrets;

    public int NeedleCount => _needles.Count;

    /// <summary>Scans one item (a row, a line, a message, an answer) of <paramref name="place"/>.</summary>
    public void Scan(string place, string text)
    {
        var entry = _places.GetOrAdd(place, name => new Place(name));
        lock (entry)
        {
            entry.Items++;
            entry.Bytes += Encoding.UTF8.GetByteCount(text);
            foreach (var needle in _needles)
            {
                if (text.Contains(needle.Text, StringComparison.Ordinal))
                    entry.Hits[needle.ToString()] = entry.Hits.GetValueOrDefault(needle.ToString()) + 1;
            }
        }
    }

    /// <summary>Records a place that was looked at and held nothing, so the table shows it was not skipped.</summary>
    public void Touch(string place) => _places.GetOrAdd(place, name => new Place(name));

    public IReadOnlyList<Place> Places => [.. _places.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public long TotalHits => _places.Values.Sum(p => p.Hits.Values.Sum());

    /// <summary>"place: kind [encoding] ×n" for every hit, naming no value.</summary>
    public IReadOnlyList<string> Hits =>
        [.. Places.SelectMany(p => p.Hits.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{p.Name}: {h.Key} x{h.Value}"))];

    public long HitsIn(string placePrefix, string kind) =>
        _places.Values.Where(p => p.Name.StartsWith(placePrefix, StringComparison.Ordinal))
            .Sum(p => p.Hits.Where(h => h.Key.StartsWith(kind + " [", StringComparison.Ordinal)).Sum(h => h.Value));

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"secret scan: {secrets.Count} values of {secrets.Select(s => s.Kind).Distinct().Count()} kinds, {_needles.Count} encodings searched");
        text.AppendLine("| place | items | bytes | hits |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var place in Places)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {place.Name} | {place.Items:N0} | {place.Bytes:N0} | {place.Hits.Values.Sum()} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| total ({_places.Count} places) | {_places.Values.Sum(p => p.Items):N0} | {_places.Values.Sum(p => p.Bytes):N0} | {TotalHits} |");
        foreach (var hit in Hits)
            text.AppendLine("hit: " + hit);
        return text.ToString();
    }

    public sealed class Place(string name)
    {
        public string Name => name;
        public long Items { get; set; }
        public long Bytes { get; set; }
        public Dictionary<string, long> Hits { get; } = new(StringComparer.Ordinal);
    }
}
