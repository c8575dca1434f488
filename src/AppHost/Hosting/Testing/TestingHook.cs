using Outreach.AppHost.Hosting;

namespace Outreach.AppHost.Testing;

/// <summary>
/// Lets a test run the AppHost's own entry point: the builder picks up test settings (temporary data
/// directory, no console) and hands itself over at Build() instead of running.
/// </summary>
internal sealed class TestingHook(string dataDirectory)
{
    private static readonly AsyncLocal<TestingHook?> Installed = new();

    public static TestingHook? Current => Installed.Value;

    public DistributedApplicationBuilder? Captured { get; private set; }

    public IDisposable Install()
    {
        Installed.Value = this;
        return new Uninstall();
    }

    public void Apply(DistributedApplicationOptions options)
    {
        options.DataDirectory = dataDirectory;
        options.DeleteDataDirectoryOnDispose = true;
        options.LiveConsole = false;
        options.ConsoleOutput = false;
        // Aspire's testing builder runs without its dashboard too; dashboard tests turn it back on.
        options.DisableDashboard = true;
    }

    public void Capture(DistributedApplicationBuilder builder) => Captured = builder;

    private sealed class Uninstall : IDisposable
    {
        public void Dispose() => Installed.Value = null;
    }
}
