using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Outreach.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Traces, metrics and logs on the bare OpenTelemetry SDK (the hosting and instrumentation packages are
/// not available here). The providers always exist, because MassTransit only starts activities, and so
/// only propagates W3C trace context, when someone listens; they export only when an OTLP endpoint is set.
/// </summary>
public static class OpenTelemetryExtensions
{
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = OtlpSettings.From(builder.Configuration);
        var applicationName = builder.Environment.ApplicationName;
        var serviceName = TelemetryResource.ServiceName(builder.Configuration, applicationName);
        var resource = TelemetryResource.Create(builder.Configuration, applicationName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (settings.ExportEnabled)
            {
                logging.AddOtlpExporter((exporter, processor) =>
                {
                    settings.ApplyTo(exporter, OtlpSignal.Logs);
                    if (settings.LogBatchScheduleDelayMilliseconds is { } delay)
                        processor.BatchExportProcessorOptions.ScheduledDelayMilliseconds = delay;
                });
            }
        });

        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource([.. TelemetrySources.ActivitySources, serviceName])
                .AddProcessor(new BackgroundQuerySpanFilter([Extensions.HealthEndpointPath, Extensions.AlivenessEndpointPath]))
                .AddProcessor(new HttpServerSpanProcessor([Extensions.HealthEndpointPath, Extensions.AlivenessEndpointPath]));
            if (settings.ExportEnabled)
            {
                tracing.AddOtlpExporter(exporter =>
                {
                    settings.ApplyTo(exporter, OtlpSignal.Traces);
                    if (settings.BatchScheduleDelayMilliseconds is { } delay)
                        exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = delay;
                });
            }

            return tracing.Build();
        });

        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter([.. TelemetrySources.Meters, serviceName]);
            if (settings.ExportEnabled)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    settings.ApplyTo(exporter, OtlpSignal.Metrics);
                    if (settings.MetricExportIntervalMilliseconds is { } interval)
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                });
            }

            return metrics.Build();
        });

        // Registered first among hosted services, so it is built before any other starts.
        builder.Services.AddHostedService<TelemetryLifetime>();
        return builder;
    }
}
