using YamlDotNet.Serialization;

namespace Outreach.AppHost.Hosting.Publishing;

/// <summary>Writes <see cref="KubernetesManifests"/> as YAML files and a kustomization that lists them (<c>kubectl apply -k DIR</c>).</summary>
public static class KubernetesPublisher
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        // "8080" stays a string where Kubernetes wants one (an env value), and true stays a boolean.
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    public static IReadOnlyList<string> Publish(ApplicationModel.DistributedApplicationModel model, PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Target != PublishRequest.Kubernetes)
        {
            throw new DistributedApplicationException($"Unknown publish target '{request.Target}'; the one supported is '{PublishRequest.Kubernetes}'.");
        }

        var output = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(output);
        var written = new List<string>();
        var files = KubernetesManifests.Create(model, request);
        foreach (var (fileName, objects) in files)
        {
            var path = Path.Combine(output, fileName);
            File.WriteAllText(path, string.Join("---\n", objects.Select(Yaml.Serialize)));
            written.Add(path);
        }

        var kustomization = new Dictionary<string, object>
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = files.Select(file => (object)file.FileName).ToList(),
        };
        var kustomizationPath = Path.Combine(output, "kustomization.yaml");
        File.WriteAllText(kustomizationPath, Yaml.Serialize(kustomization));
        written.Add(kustomizationPath);
        return written;
    }
}
