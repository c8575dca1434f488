using System.Globalization;
using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Postgres;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.RabbitMQ;

namespace Outreach.AppHost.Hosting.Publishing;

/// <summary>
/// The resource model as Kubernetes objects, the way <c>aspire publish</c> turns it into manifests: each project a
/// Deployment (its replicas, probes on <c>/alive</c> and <c>/health</c>, requests, Aspire's environment) and a Service.
/// PostgreSQL and RabbitMQ do not run in the cluster: their connection strings come from a Secret that names the
/// external servers, and the operator token from another.
/// </summary>
public static class KubernetesManifests
{
    public const int HttpPort = 8080;
    public const string ConnectionsSecret = "outreach-connections";
    public const string OperatorSecret = "outreach-operator";
    public const string TelemetryConfigMap = "outreach-telemetry";
    public const string LivenessPath = "/alive";
    public const string ReadinessPath = "/health";

    // Stands in for the operator token while the environment callbacks run, so a value that is the token becomes a secret reference.
    private const string OperatorTokenPlaceholder = "\u0000operator-token\u0000";

    /// <summary>One manifest file per project plus the secrets, in model order: (file name, its objects).</summary>
    public static IReadOnlyList<(string FileName, IReadOnlyList<object> Objects)> Create(DistributedApplicationModel model, PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var files = new List<(string, IReadOnlyList<object>)> { ("secrets.yaml", Secrets(model)) };
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            files.Add(($"{project.Name}.yaml", [Deployment(project, request), Service(project)]));
        }

        return files;
    }

    private static Dictionary<string, object> Labels(string name) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = "outreach",
    };

    private static Dictionary<string, object> Deployment(ProjectResource project, PublishRequest request) => new Dictionary<string, object>
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new Dictionary<string, object> { ["name"] = project.Name, ["labels"] = Labels(project.Name) },
        ["spec"] = new Dictionary<string, object>
        {
            ["replicas"] = project.Replicas,
            ["selector"] = new Dictionary<string, object> { ["matchLabels"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = project.Name } },
            ["template"] = new Dictionary<string, object>
            {
                ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(project.Name) },
                ["spec"] = new Dictionary<string, object>
                {
                    // SIGTERM, then the services drain (relay, consumers) before the pod is killed.
                    ["terminationGracePeriodSeconds"] = 30,
                    ["containers"] = new List<object>
                    {
                        new Dictionary<string, object>
                        {
                            ["name"] = project.Name,
                            ["image"] = $"{request.Registry}/{project.Name}:{request.Tag}",
                            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["containerPort"] = HttpPort } },
                            ["env"] = Environment(project),
                            ["livenessProbe"] = Probe(LivenessPath, periodSeconds: 10),
                            ["readinessProbe"] = Probe(ReadinessPath, periodSeconds: 5),
                            ["resources"] = new Dictionary<string, object>
                            {
                                ["requests"] = new Dictionary<string, object> { ["cpu"] = "100m", ["memory"] = "192Mi" },
                                ["limits"] = new Dictionary<string, object> { ["memory"] = "512Mi" },
                            },
                        },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> Probe(string path, int periodSeconds) => new()
    {
        ["httpGet"] = new Dictionary<string, object> { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = periodSeconds,
        ["failureThreshold"] = 3,
    };

    private static Dictionary<string, object> Service(ProjectResource project) => new Dictionary<string, object>
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new Dictionary<string, object> { ["name"] = project.Name, ["labels"] = Labels(project.Name) },
        ["spec"] = new Dictionary<string, object>
        {
            ["selector"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = project.Name },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["port"] = HttpPort, ["targetPort"] = "http" } },
        },
    };

    /// <summary>The same names the AppHost hands a process locally (<see cref="ProjectEnvironment"/>), with cluster values.</summary>
    public static List<object> Environment(ProjectResource project)
    {
        var env = new List<object>
        {
            Literal("ASPNETCORE_URLS", string.Create(CultureInfo.InvariantCulture, $"http://+:{HttpPort}")),
            Literal("ASPNETCORE_ENVIRONMENT", "Production"),
            Literal("DOTNET_ENVIRONMENT", "Production"),
            Literal("OTEL_SERVICE_NAME", project.Name),
            new Dictionary<string, object> { ["name"] = "POD_NAME", ["valueFrom"] = new Dictionary<string, object> { ["fieldRef"] = new Dictionary<string, object> { ["fieldPath"] = "metadata.name" } } },
            Literal("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=$(POD_NAME)"),
            // Export only where the cluster has a collector: without the ConfigMap the variables are simply absent.
            FromConfigMap("OTEL_EXPORTER_OTLP_ENDPOINT", "endpoint"),
            FromConfigMap("OTEL_EXPORTER_OTLP_PROTOCOL", "protocol"),
        };

        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString:
                    env.Add(FromSecret($"ConnectionStrings__{reference.Name}", ConnectionsSecret, reference.Name));
                    break;
                case ProjectResource other:
                    env.Add(Literal($"services__{other.Name}__http__0", string.Create(CultureInfo.InvariantCulture, $"http://{other.Name}:{HttpPort}")));
                    break;
            }
        }

        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(given, OperatorTokenPlaceholder);
        foreach (var callback in project.EnvironmentCallbacks)
        {
            callback(context);
        }

        foreach (var (name, value) in given.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            env.Add(value == OperatorTokenPlaceholder ? FromSecret(name, OperatorSecret, "token") : Literal(name, value ?? ""));
        }

        return env;
    }

    private static Dictionary<string, object> Literal(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static Dictionary<string, object> FromSecret(string name, string secret, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new Dictionary<string, object> { ["secretKeyRef"] = new Dictionary<string, object> { ["name"] = secret, ["key"] = key } },
    };

    private static Dictionary<string, object> FromConfigMap(string name, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new Dictionary<string, object> { ["configMapKeyRef"] = new Dictionary<string, object> { ["name"] = TelemetryConfigMap, ["key"] = key, ["optional"] = true } },
    };

    /// <summary>Secrets to fill in before applying: where the external PostgreSQL and RabbitMQ are, and the operator token.</summary>
    private static List<object> Secrets(DistributedApplicationModel model)
    {
        var connections = new Dictionary<string, object>();
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case PostgresDatabaseResource database:
                    connections[database.Name] = $"Host=postgres.example.internal;Port=5432;Username=outreach;Password=CHANGE-ME;Database={database.DatabaseName}";
                    break;
                case RabbitMQServerResource broker:
                    connections[broker.Name] = "amqp://outreach:CHANGE-ME@rabbitmq.example.internal:5672";
                    break;
            }
        }

        return
        [
            SecretObject(ConnectionsSecret, connections),
            SecretObject(OperatorSecret, new Dictionary<string, object> { ["token"] = "CHANGE-ME" }),
        ];
    }

    private static Dictionary<string, object> SecretObject(string name, Dictionary<string, object> data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new Dictionary<string, object> { ["name"] = name, ["labels"] = new Dictionary<string, object> { ["app.kubernetes.io/part-of"] = "outreach" } },
        ["type"] = "Opaque",
        ["stringData"] = data,
    };
}
