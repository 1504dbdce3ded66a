using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable ASPIREPIPELINES001 // Pipeline steps are experimental in Aspire 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // IResourceContainerImageManager is experimental in Aspire 13.6.5.
#pragma warning disable ASPIRECOMPUTE003 // IContainerRegistry is experimental in Aspire 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// A push step for an <c>AddAppleContainer</c> resource whose image exists only on this machine: a
/// <c>localhost/…</c> reference, the kind an <c>AppleContainerImage</c> item builds during <c>dotnet build</c>
/// (through the same runtime). Aspire treats an image without a Dockerfile as prebuilt and never pushes it, so a
/// deployment target could not pull it; with a container registry in the application, <c>aspire do push</c> tags it
/// with the registry's name and pushes it, as it does a Dockerfile resource's image (step <c>push-NAME</c>, tag
/// <c>push-container-image</c>, required by <c>push</c>, after <c>push-prereq</c>, as
/// ContainerResourceBuilderExtensions.EnsureBuildAndPushPipelineAnnotations@13.6.5 declares it).
/// </summary>
internal static class LocalImagePushStep
{
    /// <summary>Adds the step's factory to <paramref name="builder"/>'s resource (it yields no step unless the image is local-only).</summary>
    public static IResourceBuilder<T> WithLocalImagePushStep<T>(this IResourceBuilder<T> builder)
        where T : ContainerResource =>
        builder.WithAnnotation(new PipelineStepAnnotation(context => Steps(context)));

    /// <summary>Whether <paramref name="resource"/> runs a local-only image of its own (no Dockerfile build).</summary>
    internal static bool HasLocalOnlyImage(IResource resource)
    {
        if (resource.HasAnnotationOfType<DockerfileBuildAnnotation>() || !resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var image))
        {
            return false;
        }

        return string.Equals(image.Registry, "localhost", StringComparison.Ordinal)
            || (string.IsNullOrEmpty(image.Registry) && image.Image.StartsWith("localhost/", StringComparison.Ordinal));
    }

    private static IEnumerable<PipelineStep> Steps(PipelineStepFactoryContext context)
    {
        var resource = context.Resource;
        if (resource.IsExcludedFromPublish() || !HasLocalOnlyImage(resource) || !context.PipelineContext.Model.Resources.OfType<IContainerRegistry>().Any())
        {
            return [];
        }

        return
        [
            new PipelineStep
            {
                Name = $"push-{resource.Name}",
                Description = $"Pushes the local image of {resource.Name} to the application's container registry.",
                Action = step => step.Services.GetRequiredService<IResourceContainerImageManager>().PushImageAsync(resource, step.CancellationToken),
                Tags = ["push-container-image"],
                RequiredBySteps = ["push"],
                DependsOnSteps = ["push-prereq"],
                Resource = resource,
            },
        ];
    }
}
