namespace Outreach.SecretScan.Tests.Scan;

/// <summary>
/// One value that must appear nowhere, with the kind it is reported under. The value itself is never printed: a
/// failure names the place, the kind and the encoding found.
/// </summary>
public sealed record KnownSecret(string Kind, string Value)
{
    public override string ToString() => $"{Kind} ({Value.Length} characters)";
}

/// <summary>The secrets a scenario used, collected as it goes.</summary>
public sealed class KnownSecrets
{
    private readonly List<KnownSecret> _all = [];

    public IReadOnlyList<KnownSecret> All => _all;

    public string Add(string kind, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length < 8)
            throw new ArgumentException($"A {kind} of {value.Length} characters would match by chance; use a longer one.", nameof(value));
        if (!_all.Any(s => s.Value == value))
            _all.Add(new KnownSecret(kind, value));
        return value;
    }

    public IEnumerable<string> Kinds => _all.Select(s => s.Kind).Distinct();
}
