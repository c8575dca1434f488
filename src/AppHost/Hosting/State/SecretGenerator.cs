using System.Security.Cryptography;

namespace Outreach.AppHost.Hosting.State;

/// <summary>Random secrets made only of letters and digits, so they sit safely in URIs and connection strings.</summary>
internal static class SecretGenerator
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Create(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}
