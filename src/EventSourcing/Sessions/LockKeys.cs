using System.Text;

namespace Outreach.EventSourcing;

/// <summary>
/// 64-bit advisory-lock keys (FNV-1a), one namespace per purpose so a stream, a projection and a subscription can
/// never share a key by name. Computed here, not in SQL, so every process orders multi-stream locks the same way.
/// </summary>
internal static class LockKeys
{
    public static long For(string purpose, string name)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
            hash = (hash ^ b) * prime;
        hash = (hash ^ 0) * prime;
        foreach (var b in Encoding.UTF8.GetBytes(name))
            hash = (hash ^ b) * prime;
        return unchecked((long)hash);
    }

    public static long Stream(string streamId) => For("stream", streamId);

    public static long Projection(string name) => For("projection", name);

    public static long Rebuild(string name) => For("rebuild", name);

    public static long Subscription(string name) => For("subscription", name);
}
