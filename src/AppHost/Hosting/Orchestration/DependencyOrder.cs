using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.Projects;

namespace Outreach.AppHost.Hosting.Orchestration;

/// <summary>
/// How deep each resource sits in the dependency graph. Shutdown stops the deepest first, so nothing
/// loses a dependency while it still runs. Projects referencing each other's URLs do not order each other.
/// </summary>
internal static class DependencyOrder
{
    public static int Depth(IResource resource) => Depth(resource, []);

    private static int Depth(IResource resource, HashSet<IResource> visiting)
    {
        if (!visiting.Add(resource))
        {
            return 0;
        }

        var dependencies = DependenciesOf(resource).ToList();
        var depth = dependencies.Count == 0 ? 0 : dependencies.Max(dependency => Depth(dependency, visiting) + 1);
        visiting.Remove(resource);
        return depth;
    }

    private static IEnumerable<IResource> DependenciesOf(IResource resource)
    {
        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }

        if (resource is not Resource declared)
        {
            yield break;
        }

        foreach (var dependency in declared.WaitsFor)
        {
            yield return dependency;
        }

        foreach (var reference in declared.References.Where(reference => reference is not ProjectResource))
        {
            yield return reference;
        }
    }
}
