using System.Globalization;
using Outreach.AppHost.Hosting.ApplicationModel;

namespace Outreach.AppHost.Hosting.Projects;

/// <summary>The environment Aspire gives a project: connection strings, service endpoints, OpenTelemetry and URLs.</summary>
internal static class ProjectEnvironment
{
    // Inherited values under these prefixes would contradict what the AppHost hands out.
    private static readonly string[] ReplacedPrefixes = ["ConnectionStrings__", "services__", "OTEL_", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    public static void Apply(IDictionary<string, string?> environment, ProjectResource project, int replica, HostingSettings settings, string operatorToken)
    {
        foreach (var key in environment.Keys.Where(key => ReplacedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))).ToList())
        {
            environment.Remove(key);
        }

        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    environment[$"ConnectionStrings__{reference.Name}"] = withConnectionString.GetConnectionString();
                    break;
                case ProjectResource other:
                    var index = 0;
                    foreach (var url in other.HttpUrls)
                    {
                        environment[$"services__{other.Name}__http__{index.ToString(CultureInfo.InvariantCulture)}"] = url;
                        index++;
                    }

                    break;
            }
        }

        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.InstanceName(replica)}";
        if (settings.OtlpEndpoint is { } endpoint)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
            // The receiver speaks HTTP only: the gRPC server packages cannot be restored here.
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            if (settings.OtlpApiKey is { } apiKey)
            {
                environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={apiKey}";
            }

            // Short export intervals, as Aspire sets them for local runs: telemetry shows up within a second.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        environment["ASPNETCORE_URLS"] = project.HttpUrls.ElementAt(replica);
        environment["ASPNETCORE_ENVIRONMENT"] = settings.EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = settings.EnvironmentName;
        var context = new EnvironmentCallbackContext(environment, operatorToken);
        foreach (var callback in project.EnvironmentCallbacks)
        {
            callback(context);
        }
    }
}
