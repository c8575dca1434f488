using MassTransit;
using Microsoft.Extensions.Logging;
using Outreach.Contracts;

namespace Outreach.ServiceDefaults.Auth;

/// <summary>
/// Evicts a revoked key from this instance's <see cref="RemoteAccessKeyCache"/>, so it fails within the message's
/// latency rather than when its cached answer expires. Deliberately not an InboxConsumer: evicting twice is harmless,
/// and the cache is in memory, so there is nothing to commit with an inbox row.
/// </summary>
public sealed class AccessKeyRevokedConsumer(RemoteAccessKeyCache cache, ILogger<AccessKeyRevokedConsumer> logger) : IConsumer<AccessKeyRevoked>
{
    public Task Consume(ConsumeContext<AccessKeyRevoked> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var evicted = cache.Evict(context.Message.KeyId);
        logger.LogInformation("Access key {KeyId} was revoked; {Evicted} cached answers evicted.", context.Message.KeyId, evicted);
        return Task.CompletedTask;
    }
}
