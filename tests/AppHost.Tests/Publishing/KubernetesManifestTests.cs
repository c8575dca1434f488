using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.Projects;
using Outreach.AppHost.Hosting.Publishing;
using Outreach.AppHost.Testing;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Outreach.AppHost.Tests.Publishing;

/// <summary>
/// `publish --target kubernetes --output DIR`, run as a user runs it, writes manifests from the same resource model:
/// they parse, they give each service every variable the AppHost gives it locally, and their probes answer on the
/// running system.
/// </summary>
[Collection(RunningAppHostGroup.Name)]
public sealed class KubernetesManifestTests(RunningAppHost host) : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("outreach-manifests-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task The_manifests_parse_and_hold_a_deployment_and_a_service_per_project_and_the_secrets()
    {
        await PublishAsync();

        var kustomization = Documents("kustomization.yaml").Single();
        var listed = ((YamlSequenceNode)kustomization.Children[new YamlScalarNode("resources")]).Select(node => node.ToString()).ToList();
        listed.ShouldBe(["secrets.yaml", .. Resources.Services.Select(service => $"{service}.yaml")], ignoreOrder: true);
        foreach (var service in Resources.Services)
        {
            var documents = Documents($"{service}.yaml");
            documents.Select(d => Scalar(d, "kind")).ShouldBe(["Deployment", "Service"]);
            var container = Container(documents[0]);
            Scalar(container, "image").ShouldBe($"registry.example/{service}:1.2.3");
            Scalar(Map(Map(container, "resources"), "requests"), "memory").ShouldNotBeNullOrEmpty();
            Scalar(Map(documents[0], "spec"), "replicas").ShouldBe("1");
        }

        var secrets = Documents("secrets.yaml");
        secrets.ShouldAllBe(d => Scalar(d, "kind") == "Secret");
        var connections = Map(secrets.Single(d => Scalar(Map(d, "metadata"), "name") == KubernetesManifests.ConnectionsSecret), "stringData");
        connections.Children.Keys.Select(k => k.ToString()).ShouldBe([Resources.SeatsDb, "identitiesdb", "invitationsdb", Resources.RabbitMq], ignoreOrder: true);
        Scalar(connections, Resources.SeatsDb)!.ShouldContain("Database=seatsdb");
    }

    [Fact]
    public async Task Every_variable_the_apphost_gives_a_service_locally_is_supplied_and_secrets_come_from_secrets()
    {
        await PublishAsync();
        var model = host.App.Model;

        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            var local = new Dictionary<string, string?>();
            ProjectEnvironment.Apply(local, project, 0, HostingSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()) with { OtlpEndpoint = "http://collector:4318" }, host.App.OperatorToken);
            var env = ((YamlSequenceNode)Container(Documents($"{project.Name}.yaml")[0]).Children[new YamlScalarNode("env")])
                .Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);

            // The exporter's tuning for local runs (1 s intervals) is the only thing a cluster need not copy.
            foreach (var name in local.Keys.Where(name => !name.StartsWith("OTEL_BSP", StringComparison.Ordinal) && !name.StartsWith("OTEL_BLRP", StringComparison.Ordinal) && !name.StartsWith("OTEL_METRIC", StringComparison.Ordinal)))
                env.ShouldContainKey(name, $"{project.Name} reads {name}");

            foreach (var name in env.Keys.Where(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name == "Operator__Token"))
                env[name].Children.ShouldContainKey(new YamlScalarNode("valueFrom"), $"{project.Name}'s {name} comes from a Secret");
        }

        var text = string.Concat(Directory.GetFiles(_output).Select(File.ReadAllText));
        text.ShouldNotContain(host.App.OperatorToken);
        text.ShouldNotContain((await host.App.GetConnectionStringAsync(Resources.SeatsDb))!);
    }

    [Fact]
    public async Task The_probes_point_at_routes_that_answer_on_the_running_services()
    {
        await PublishAsync();
        await host.WaitUntilAllHealthyAsync();

        foreach (var service in Resources.Services)
        {
            var container = Container(Documents($"{service}.yaml")[0]);
            using var client = host.App.CreateHttpClient(service);
            foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
            {
                var path = Scalar(Map(Map(container, probe), "httpGet"), "path")!;
                using var response = await client.GetAsync(path);
                response.IsSuccessStatusCode.ShouldBeTrue($"{service} {probe} {path}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task An_unknown_target_is_refused_with_a_message_and_writes_nothing()
    {
        using var process = AppHostProcess.Start("publish", "--target", "helm", "--output", _output);

        (await process.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(1);
        process.Output.ShouldContain("Unknown publish target 'helm'");
        Directory.GetFiles(_output).ShouldBeEmpty();
    }

    private async Task PublishAsync()
    {
        using var process = AppHostProcess.Start("publish", "--target", "kubernetes", "--output", _output, "--registry", "registry.example", "--tag", "1.2.3");
        (await process.WaitForExitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0, process.Output);
    }

    private List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(_output, file)));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlMappingNode Container(YamlMappingNode deployment) =>
        (YamlMappingNode)((YamlSequenceNode)Map(Map(Map(deployment, "spec"), "template"), "spec").Children[new YamlScalarNode("containers")])[0];

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
