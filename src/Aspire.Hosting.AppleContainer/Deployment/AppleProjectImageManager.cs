using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Logging;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // IResourceContainerImageManager is experimental in 13.6.5.
#pragma warning disable ASPIREPROJECTS001 // SupportsDotnetProgramPublishing is experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// Decorates Aspire's image manager for Apple's runtime. Aspire tells the .NET SDK where to put a project's image only
/// for docker and podman (<c>-p:LocalRegistry=Docker|Podman</c>); for any other runtime the SDK would look for docker or
/// podman itself and load the image into the wrong store. So on Apple's runtime a .NET program resource is built by
/// Aspire's own manager into an OCI archive (<see cref="ArchiveBuildResource"/>), which the bridge then loads with
/// <c>container image load</c> (and tags with the local name Aspire pushes from); the temporary archive is deleted.
/// Everything else, and every resource on podman and docker, goes to Aspire's manager unchanged.
/// </summary>
internal sealed class AppleProjectImageManager(IResourceContainerImageManager inner, IContainerRuntimeResolver runtimes, ILogger<AppleProjectImageManager> logger)
    : IResourceContainerImageManager
{
    /// <summary>The manager this one decorates.</summary>
    internal IResourceContainerImageManager Inner => inner;

    /// <inheritdoc />
    public async Task BuildImageAsync(IResource resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (await AppleRuntimeForAsync(resource, cancellationToken).ConfigureAwait(false) is { } apple)
        {
            await BuildThroughArchiveAsync(apple, resource, cancellationToken).ConfigureAwait(false);
            return;
        }

        await inner.BuildImageAsync(resource, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task BuildImagesAsync(IEnumerable<IResource> resources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = resources.ToList();
        if (await runtimes.ResolveAsync(cancellationToken).ConfigureAwait(false) is not BridgePublishRuntime { IsApple: true })
        {
            await inner.BuildImagesAsync(list, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var resource in list)
        {
            await BuildImageAsync(resource, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task PushImageAsync(IResource resource, CancellationToken cancellationToken) => inner.PushImageAsync(resource, cancellationToken);

    /// <summary>The Apple runtime when <paramref name="resource"/> is a .NET program it must build through an archive, else null.</summary>
    private async Task<BridgePublishRuntime?> AppleRuntimeForAsync(IResource resource, CancellationToken cancellationToken)
    {
        if (!resource.SupportsDotnetProgramPublishing() || HasPrebuiltImage(resource))
        {
            return null;
        }

        return await runtimes.ResolveAsync(cancellationToken).ConfigureAwait(false) as BridgePublishRuntime is { IsApple: true } apple ? apple : null;
    }

    /// <summary>A program with an image of its own and no build (Aspire skips its build).</summary>
    private static bool HasPrebuiltImage(IResource resource) =>
        resource.HasAnnotationOfType<ContainerImageAnnotation>() && !resource.HasAnnotationOfType<DockerfileBuildAnnotation>();

    private async Task BuildThroughArchiveAsync(BridgePublishRuntime apple, IResource resource, CancellationToken cancellationToken)
    {
        if (resource.HasAnnotationOfType<ContainerFilesDestinationAnnotation>())
        {
            // Aspire layers container files onto an SDK image it first loads into a local registry, which only docker
            // and podman are to the SDK (ResourceContainerImageManager.BuildDotnetProgramImageAsync@13.6.5).
            throw BridgePublishRuntime.ToPipelineException(new BridgeException(
                BridgeErrorCode.UnsupportedOption,
                $"The .NET project '{resource.Name}' publishes container files (PublishWithContainerFiles), which Aspire layers through a docker or podman image store; on Apple's runtime build it without them, or set ASPIRE_CONTAINER_RUNTIME=docker (or podman).")
            { Runtime = apple.Name, Option = "PublishWithContainerFiles" });
        }

        var directory = Directory.CreateTempSubdirectory("actr-publish-");
        try
        {
            var standIn = new ArchiveBuildResource(resource, Path.Combine(directory.FullName, "image.tar.gz"));
            logger.LogInformation("Building the image of {ResourceName} as an OCI archive for {Runtime}'s image store.", resource.Name, apple.Name);
            await inner.BuildImageAsync(standIn, cancellationToken).ConfigureAwait(false);

            var image = $"{standIn.ImageName ?? resource.Name}:{standIn.ImageTag ?? "latest"}";
            IReadOnlyList<string> loaded = [];
            await BridgePublishRuntime.RunAsync(async () => loaded = await apple.Active.Runtime.LoadImagesAsync(standIn.ArchivePath, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            logger.LogInformation("{Runtime} loaded {Images} from the archive of {ResourceName}.", apple.Name, string.Join(", ", loaded), resource.Name);
            if (!loaded.Contains(image, StringComparer.Ordinal))
            {
                var source = loaded.Count > 0
                    ? loaded[0]
                    : throw BridgePublishRuntime.ToPipelineException(new BridgeException(BridgeErrorCode.ImageNotFound, $"The archive of '{resource.Name}' held no image to load.") { Runtime = apple.Name });
                await apple.TagImageAsync(source, image, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
