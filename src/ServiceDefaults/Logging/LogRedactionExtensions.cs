using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outreach.ServiceDefaults.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Puts <see cref="RedactingLoggerProvider"/> around every logger provider registered so far, so redaction happens
/// in one place for every sink. Called last by AddServiceDefaults, after the console and OpenTelemetry providers.
/// </summary>
public static class LogRedactionExtensions
{
    public static TBuilder AddLogRedaction<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(LogRedactionApplied)))
            return builder; // twice would redact twice: harmless, but wasted work on every log call
        services.AddSingleton<LogRedactionApplied>();
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
                continue;
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(provider => new RedactingLoggerProvider(Create(provider, descriptor)));
        }
        return builder;
    }

    private static ILoggerProvider Create(IServiceProvider provider, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: ILoggerProvider instance } => instance,
        { ImplementationFactory: { } factory } => (ILoggerProvider)factory(provider),
        { ImplementationType: { } type } => (ILoggerProvider)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("A logger provider registration without an implementation."),
    };
}

/// <summary>Marks a service collection whose logger providers are wrapped already.</summary>
internal sealed class LogRedactionApplied;
