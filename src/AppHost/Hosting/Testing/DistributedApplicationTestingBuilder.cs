using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Testing;

/// <summary>
/// Aspire.Hosting.Testing's entry: runs the AppHost's real Program (same declarations) with a temporary
/// data directory, so every port is freshly chosen, and gives the test the application to start.
/// </summary>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationTestingBuilder
{
    private readonly DistributedApplicationBuilder _inner;

    private DistributedApplicationTestingBuilder(DistributedApplicationBuilder inner)
    {
        _inner = inner;
    }

    public IConfigurationManager Configuration => _inner.Configuration;

    public DistributedApplicationOptions Options => _inner.Options;

    public IServiceCollection Services => _inner.Services;

    public IList<IResource> Resources => _inner.Resources;

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : class =>
        CreateAsync<TEntryPoint>([], cancellationToken);

    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        await AbandonedDataDirectories.SweepAsync();
        var dataDirectory = Directory.CreateTempSubdirectory(AbandonedDataDirectories.TestPrefix).FullName;
        var hook = new TestingHook(dataDirectory);
        using (hook.Install())
        {
            try
            {
                var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
                if (result is Task task)
                {
                    await task.WaitAsync(cancellationToken);
                }
            }
            catch (TargetInvocationException exception) when (exception.InnerException is BuildCapturedException)
            {
                // Expected: Build() handed the builder over and ended the entry point.
            }
            catch (BuildCapturedException)
            {
                // Same, from an async entry point.
            }
        }

        return hook.Captured is { } captured
            ? new DistributedApplicationTestingBuilder(captured)
            : throw new InvalidOperationException($"{entryPoint.DeclaringType} returned without calling Build().");
    }

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource =>
        _inner.AddResource(resource);

    public DistributedApplication Build() => _inner.BuildApplication();

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) =>
        Task.Run(Build, cancellationToken);
}
