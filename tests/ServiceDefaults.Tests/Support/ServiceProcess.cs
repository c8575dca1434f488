using Outreach.Testing;

namespace Outreach.ServiceDefaults.Tests.Support;

/// <summary>The sample service as a real child process (ChildProcessService), with a client at its address.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const string AssemblyName = "Outreach.ServiceDefaults.SampleService.dll";
    private readonly ChildProcessService _service;

    private ServiceProcess(ChildProcessService service)
    {
        _service = service;
        Client = new HttpClient { BaseAddress = service.BaseAddress };
    }

    public Uri BaseAddress => _service.BaseAddress;
    public int Pid => _service.Pid;
    public HttpClient Client { get; }
    public string Output => _service.Output;

    public Task WaitUntilHealthyAsync(TimeSpan timeout) => _service.WaitUntilHealthyAsync(timeout);

    public static ServiceProcess Start(IDictionary<string, string> environment) => new(ChildProcessService.Start(AssemblyName, environment));

    /// <summary>SIGTERM, as the AppHost stops a service; returns the exit code.</summary>
    public Task<int> TerminateAsync(TimeSpan timeout) => _service.TerminateAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _service.DisposeAsync();
    }
}
