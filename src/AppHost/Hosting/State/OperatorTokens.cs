namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// The operator token: made once per data directory (secrets.json, owner-only) and handed to the services as
/// Operator__Token. 43 characters of 62 are about 256 random bits, the strength of a 32-byte key. Rotation writes a new
/// one; the services read it when they start, so the next run uses it and the old one fails everywhere at once.
/// </summary>
internal static class OperatorTokens
{
    public const string SecretName = "operator_token";
    public const int Length = 43;

    public static string Create() => SecretGenerator.Create(Length);

    public static string GetOrCreate(JsonValueStore secrets) => secrets.GetOrCreate(SecretName, Create);

    /// <summary>Replaces the data directory's token. The caller holds the directory's lock, so no run is using the old one.</summary>
    public static void Rotate(DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        new JsonValueStore(dataDirectory.Combine("secrets.json"), ownerOnly: true).Set(SecretName, Create());
    }
}
