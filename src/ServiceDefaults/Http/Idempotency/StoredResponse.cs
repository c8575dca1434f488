namespace Outreach.ServiceDefaults.Http.Idempotency;

/// <summary>What the first request with a key answered, replayed byte for byte to its repeats.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>The outcome of claiming a key for a request.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim() { }

    /// <summary>The key is new (or expired): this request runs and its answer is kept.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>The same key and the same request finished before: replay its answer.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The same key with a different request: refused with 409.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The same key is still being processed by another request: refused with 409, try again later.</summary>
    public sealed record InProgress : IdempotencyClaim;
}
