using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>Every account the sandbox knows, in memory. A handler looks one up, then works on it under its gate.</summary>
public sealed class AccountStore(TimeProvider clock, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, SandboxAccount> _accounts = new(StringComparer.Ordinal);

    public TimeProvider Clock => clock;
    public SandboxOptions Options => options.Value;

    public void Add(SandboxAccount account)
    {
        if (!_accounts.TryAdd(account.Id, account))
            throw new InvalidOperationException($"Account id {account.Id} already taken.");
    }

    public bool Remove(string accountId) => _accounts.TryRemove(accountId, out _);

    /// <summary>The account, already refreshed to now; the caller still takes its gate to read or change it.</summary>
    public SandboxAccount? Find(string? accountId)
    {
        if (string.IsNullOrEmpty(accountId) || !_accounts.TryGetValue(accountId, out var account))
            return null;
        lock (account.Gate)
            account.Refresh(clock.GetUtcNow(), options.Value);
        return account;
    }
}
