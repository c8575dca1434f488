using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Outreach.AppHost.Tests.Support;

/// <summary>The real AppHost run as `dotnet Outreach.AppHost.dll …`, as a user runs it (output redirected, so plain log lines).</summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private AppHostProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static AppHostProcess Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.AppHostAssembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test process's own settings must not leak into the AppHost under test.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key.StartsWith("AppHost__", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until apphost.json in <paramref name="dataDirectory"/> shows every resource Running and Healthy.</summary>
    public async Task<JsonDocument> WaitUntilHealthyAsync(string dataDirectory, IReadOnlyCollection<int>? previousPids = null)
    {
        var stateFile = Path.Combine(dataDirectory, "apphost.json");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Resources.StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {_process.ExitCode}:\n{Output}");
            }

            // A killed run's apphost.json may still be there until this run replaces it: its pids tell them apart.
            if (StateFileReader.TryRead(stateFile) is { } document && StateFileReader.AllHealthy(document)
                && !StateFileReader.Pids(document).Values.Any(pid => previousPids?.Contains(pid) == true))
            {
                return document;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not every resource became healthy:\n{Output}");
    }

    /// <summary>Waits until apphost.json in <paramref name="dataDirectory"/> names a demo account (set once seat-service is healthy).</summary>
    public async Task<JsonDocument> WaitForDemoAsync(string dataDirectory)
    {
        var stateFile = Path.Combine(dataDirectory, "apphost.json");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Resources.DemoTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {_process.ExitCode}:\n{Output}");
            }

            if (StateFileReader.TryRead(stateFile) is { } document)
            {
                if (StateFileReader.Demo(document) is not null)
                {
                    return document;
                }

                document.Dispose();
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"apphost.json never named a demo account:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Signal(int signal) => SignalProcess(_process.Id, signal);

    public static void SignalProcess(int pid, int signal) => _ = Kill(pid, signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
