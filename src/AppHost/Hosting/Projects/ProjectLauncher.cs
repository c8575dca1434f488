using System.Diagnostics;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.Processes;

namespace Outreach.AppHost.Hosting.Projects;

/// <summary>Runs one replica of a project from its build output (<c>dotnet &lt;dll&gt;</c>: no build, no `dotnet run`).</summary>
internal sealed class ProjectLauncher(ProjectResource project, int replica, HostingSettings settings, string operatorToken, HttpClient healthClient) : IResourceLauncher
{
    private string Url => project.HttpUrls.ElementAt(replica);

    public IReadOnlyList<string> Urls => [Url];

    public int GracefulStopSignal => UnixSignal.Terminate;

    public TimeSpan GracefulStopTimeout => TimeSpan.FromSeconds(10);

    public int? EpmdPort => null;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(project.Metadata.AssemblyPath))
        {
            throw new InvalidOperationException(
                $"{project.Metadata.AssemblyPath} does not exist. Build it first: dotnet build {project.Metadata.ProjectPath}");
        }

        return Task.CompletedTask;
    }

    public ProcessStartInfo? CreateStartInfo()
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath) ?? Environment.CurrentDirectory,
        };
        startInfo.ArgumentList.Add(project.Metadata.AssemblyPath);
        ProjectEnvironment.Apply(startInfo.Environment, project, replica, settings, operatorToken);
        return startInfo;
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await healthClient.GetAsync(new Uri($"{Url}/health"), cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The service's own /health body: each check and its status.</summary>
    public async Task<string?> DescribeHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await healthClient.GetAsync(new Uri($"{Url}/health"), cancellationToken);
            return $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
        catch (HttpRequestException exception)
        {
            return $"not answering: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "not answering: timed out";
        }
    }

    public Task OnFirstHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnStoppedAsync() => Task.CompletedTask;
}
