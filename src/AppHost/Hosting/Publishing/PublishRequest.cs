namespace Outreach.AppHost.Hosting.Publishing;

/// <summary>
/// <c>publish --target kubernetes --output DIR [--registry R] [--tag T]</c>: what <c>aspire publish</c> does, for the one
/// target we support. Images are named <c>{Registry}/{service}:{Tag}</c>.
/// </summary>
public sealed record PublishRequest(string Target, string OutputDirectory)
{
    public const string Kubernetes = "kubernetes";

    public string Registry { get; init; } = "outreach";

    public string Tag { get; init; } = "latest";
}
