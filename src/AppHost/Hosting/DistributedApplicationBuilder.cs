using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Console;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Testing;
using Outreach.Dashboard;
using Outreach.AppHost.Hosting.Dashboard;

namespace Outreach.AppHost.Hosting;

/// <summary>Aspire's builder shape on a generic host: configuration, resource declarations, then Build.</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly TestingHook? _testingHook;
    private readonly Publishing.PublishRequest? _publish;
    private readonly bool _rotateOperatorToken;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _testingHook = TestingHook.Current;
        _testingHook?.Apply(options);
        var arguments = AppHostArguments.Parse(options.Args);
        _publish = arguments.Publish;
        _rotateOperatorToken = arguments.RotateOperatorToken;
        options.DataDirectory ??= arguments.DataDirectory;
        options.Fresh |= arguments.Fresh;
        Options = options;

        var configuration = new ConfigurationManager();
        // Many AppHosts may live in one test process; file watchers for appsettings would only cost inotify handles.
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments.Remaining,
            Configuration = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        _host.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(2));
        _host.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        _host.Logging.AddFilter("Microsoft", LogLevel.Warning);
    }

    public IConfigurationManager Configuration => _host.Configuration;

    public DistributedApplicationOptions Options { get; }

    public IServiceCollection Services => _host.Services;

    public IList<IResource> Resources { get; } = [];

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource
    {
        if (Resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' is already declared.");
        }

        Resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        if (_testingHook is { Captured: null })
        {
            // Like Aspire's testing host: the test takes the declarations and builds them itself.
            _testingHook.Capture(this);
            throw new BuildCapturedException();
        }

        return BuildApplication();
    }

    internal DistributedApplication BuildApplication()
    {
        if (_publish is not null)
        {
            // Like `aspire publish`: the same declarations, written as manifests; nothing is started or allocated.
            var model = new DistributedApplicationModel(Resources.ToList());
            var written = Publishing.KubernetesPublisher.Publish(model, _publish);
            return DistributedApplication.Published(_host, written);
        }

        var dataDirectory = new DataDirectory(Options.DataDirectory ?? DataDirectory.DefaultPath());
        dataDirectory.Create();
        var dataLock = DataDirectoryLock.Acquire(dataDirectory);
        if (_rotateOperatorToken)
        {
            // Under the directory's lock: a running system keeps the token it started with, so rotating under it would
            // leave the operator holding a token nothing accepts yet. The lock refuses while a run is using the directory.
            using (dataLock)
                OperatorTokens.Rotate(dataDirectory);
            return DistributedApplication.Completed(_host, dataDirectory,
                [$"[apphost] Operator token rotated in {dataDirectory.Combine("secrets.json")}; the next run uses it and the old one is refused."]);
        }

        try
        {
            LeftoverCleaner.CleanAsync(dataDirectory, message => System.Console.Error.WriteLine($"[apphost] {message}")).GetAwaiter().GetResult();
            if (Options.Fresh)
            {
                dataDirectory.Wipe(keep: dataLock.Path);
                dataDirectory.Create();
            }

            var model = new DistributedApplicationModel(Resources.ToList());
            var allocation = ResourceAllocator.Allocate(model, dataDirectory, Configuration, Options.AllowExternalResources, !Options.DisableDashboard);
            var settings = HostingSettings.From(Configuration);
            var dashboard = allocation.DashboardPort is { } dashboardPort
                ? DashboardRegistration.CreateOptions(model, settings, Configuration, dashboardPort, allocation.OtlpApiKey!)
                : null;
            if (dashboard is not null && settings.OtlpEndpoint is null)
            {
                // Telemetry goes to our own receiver unless configuration names another collector.
                settings = settings with { OtlpEndpoint = dashboard.ListenUrl, OtlpApiKey = dashboard.OtlpApiKey };
            }

            RegisterServices(model, dataDirectory, settings, allocation.OperatorToken, dashboard);
            return new DistributedApplication(_host.Build(), dataDirectory, dataLock, Options);
        }
        catch
        {
            dataLock.Dispose();
            throw;
        }
    }

    private void RegisterServices(DistributedApplicationModel model, DataDirectory dataDirectory, HostingSettings settings, string operatorToken, DashboardOptions? dashboard)
    {
        var services = _host.Services;
        if (!Options.ConsoleOutput || (Options.LiveConsole ?? !System.Console.IsOutputRedirected))
        {
            // The live table owns the terminal (log lines would tear it); tests read notifications instead.
            _host.Logging.ClearProviders();
        }

        services.AddSingleton(model);
        services.AddSingleton(dataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton(new ResourceLogStore(dataDirectory.LogsDirectory));
        services.AddSingleton(new PidRegistry(dataDirectory));
        services.AddSingleton(provider => new DatabaseStateMirror(model, provider.GetRequiredService<ResourceNotificationService>()));
        services.AddSingleton(provider => new AppHostStateFile(dataDirectory, provider.GetRequiredService<ResourceNotificationService>(), operatorToken));
        services.AddSingleton(provider =>
        {
            provider.GetRequiredService<DatabaseStateMirror>();
            var supervisorServices = new SupervisorServices(
                provider.GetRequiredService<ResourceNotificationService>(),
                provider.GetRequiredService<ResourceLogStore>(),
                provider.GetRequiredService<PidRegistry>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Outreach.AppHost"));
            var supervisors = SupervisorFactory.Create(model, dataDirectory, settings, operatorToken, supervisorServices, new HttpClient { Timeout = TimeSpan.FromSeconds(3) });
            return new ResourceOrchestrator(model, supervisors, settings);
        });
        services.AddSingleton(provider => new ResourceCommandService(
            provider.GetRequiredService<ResourceOrchestrator>(), provider.GetRequiredService<ResourceNotificationService>()));

        // Hosted services stop in reverse order: resources stop first, then apphost.json goes, then the console view,
        // then the dashboard, which started first so that it is listening before any resource exports to it.
        if (dashboard is not null)
        {
            DashboardRegistration.Register(services, dashboard, printLoginLink: Options.ConsoleOutput);
        }

        if (Options.ConsoleOutput)
        {
            var live = Options.LiveConsole ?? !System.Console.IsOutputRedirected;
            services.AddHostedService(provider => new ResourceConsoleView(provider.GetRequiredService<ResourceNotificationService>(), live));
        }

        services.AddHostedService(provider => new AppHostStateFileService(provider.GetRequiredService<AppHostStateFile>()));
        services.AddHostedService(provider => provider.GetRequiredService<ResourceOrchestrator>());
    }
}
