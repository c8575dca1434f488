namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>One sandbox process for a class or a collection, started with these Sandbox:* settings.</summary>
public abstract class SandboxFixture(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    private SandboxProcess? _process;

    public SandboxProcess Process => _process ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _process = await SandboxProcess.StartAsync(settings);

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}

/// <summary>The sandbox most tests share: an API key, a 400 ms in-app approval, the default 5-minute intent window.</summary>
public sealed class SharedSandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["ApiKey"] = ApiKey,
    ["InAppApprovalDelayMs"] = ((int)InAppApproval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const string ApiKey = "sandbox-test-key";
    public static readonly TimeSpan InAppApproval = TimeSpan.FromMilliseconds(400);

    public SandboxClient Client(string? apiKey = ApiKey) => new(Process.CreateClient(apiKey));

    /// <summary>jane.doe+2fa@example.com. Every login makes its own account, so tests may share a username.</summary>
    public static string Username(string handle, string? tag = null) => tag is null ? $"{handle}@example.com" : $"{handle}+{tag}@example.com";
}

[CollectionDefinition(Name)]
public sealed class SharedSandboxGroup : ICollectionFixture<SharedSandbox>
{
    public const string Name = "shared sandbox";
}

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the description after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting until {description}.");
            await Task.Delay(50);
        }
    }
}
