using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// The resources that live inside a container resource (<see cref="IResourceWithParent"/> children such as a
/// database of a database server): they share its lifecycle, so its state and its connection-string event reach
/// them too, as Aspire's orchestrator does for the containers DCP runs. Children with a life of their own
/// (containers, projects, executables, parameters) are left alone.
/// </summary>
internal static class ChildResources
{
    /// <summary>The descendants of <paramref name="parent"/> in <paramref name="model"/> that share its lifecycle, parents before children.</summary>
    public static IReadOnlyList<IResource> Of(DistributedApplicationModel model, IResource parent)
    {
        var found = new List<IResource>();
        Collect(model, parent, found, depth: 0);
        return found;
    }

    private static void Collect(DistributedApplicationModel model, IResource parent, List<IResource> found, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var child in model.Resources.OfType<IResourceWithParent>().Where(c => ReferenceEquals(c.Parent, parent) && !HasOwnLifetime(c)))
        {
            found.Add(child);
            Collect(model, child, found, depth + 1);
        }
    }

    private static bool HasOwnLifetime(IResource resource) =>
        resource is ContainerResource or ProjectResource or ExecutableResource or ParameterResource
        || resource.HasAnnotationOfType<ContainerImageAnnotation>();
}
