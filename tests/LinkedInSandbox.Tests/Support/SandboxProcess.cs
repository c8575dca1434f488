using Outreach.Testing;

namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>The sandbox as a real child process (ChildProcessService), configured through its Sandbox__* variables.</summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private const string AssemblyName = "Outreach.LinkedInSandbox.dll";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly ChildProcessService _service;

    private SandboxProcess(ChildProcessService service) => _service = service;

    public Uri BaseAddress => _service.BaseAddress;

    public string Output => _service.Output;

    /// <summary>Starts the sandbox with these Sandbox:* settings (keys without the section) and waits until /health answers.</summary>
    public static async Task<SandboxProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var sandbox = new SandboxProcess(ChildProcessService.Start(AssemblyName,
            settings.Select(s => KeyValuePair.Create($"Sandbox__{s.Key}", s.Value))));
        await sandbox._service.WaitUntilHealthyAsync(StartTimeout);
        return sandbox;
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-API-KEY", apiKey);
        return client;
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
