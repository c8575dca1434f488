using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Projects;

namespace Outreach.AppHost.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Hands the resource's connection string over as <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : Resource, IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Hands another project's endpoints over as <c>services__&lt;name&gt;__http__&lt;i&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> source)
        where T : Resource, IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Holds the resource in Waiting until <paramref name="dependency"/> is Running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource, IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>Sets environment when the process is launched, from values known only then.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : Resource, IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.EnvironmentCallbacks.Add(callback);
        return builder;
    }

    /// <summary>
    /// Hands the AppHost's operator token (generated once, kept in the data directory, shown in apphost.json)
    /// to the project as <c>Operator__Token</c>.
    /// </summary>
    public static IResourceBuilder<T> WithOperatorToken<T>(this IResourceBuilder<T> builder)
        where T : Resource, IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables["Operator__Token"] = context.OperatorToken);
}
