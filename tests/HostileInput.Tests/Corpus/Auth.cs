namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>The credentials headers of a case.</summary>
public static class Auth
{
    public static IReadOnlyList<KeyValuePair<string, string>> AccessKey(Tenant tenant) => [KeyValuePair.Create("x-access-key", tenant.Key.AccessKey)];

    public static IReadOnlyList<KeyValuePair<string, string>> KeyIdAndSecret(Tenant tenant) =>
        [KeyValuePair.Create("X-API-KEY", tenant.Key.KeyId), KeyValuePair.Create("X-API-SECRET", tenant.Key.Secret)];

    public static IReadOnlyList<KeyValuePair<string, string>> Operator(string token) => [KeyValuePair.Create("Authorization", "Bearer " + token)];

    public static string Json(string text) => $"\"{text}\"";
}
