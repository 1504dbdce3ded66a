using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Image, volumes and container creation (reusing a persistent container whose configuration is unchanged).</summary>
internal sealed partial class ResourceRunner
{
    /// <summary>
    /// Builds or pulls the image, as the resource's pull policy asks (<see cref="ImagePullPolicies"/>). For a persistent
    /// container it returns the image's id as the runtime reports it afterwards (its config hash covers it); a session
    /// container is never reused, so its image is not asked about beyond whether it exists, and null is returned.
    /// </summary>
    private async Task<string?> EnsureImageAsync(IContainerRuntime runtime, RunSpec spec, bool firstStart, CancellationToken cancellationToken)
    {
        var progress = new SynchronousProgress(line =>
        {
            if (line.IsError)
            {
                _logger.LogError("{Progress}", line.Message);
            }
            else
            {
                _logger.LogInformation("{Progress}", line.Message);
            }
        });

        if (Resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var build))
        {
            _logger.LogInformation("Building image {Image} from {Context}", spec.Image, build.ContextPath);
            var buildSpec = await BuildSpecFactory.CreateAsync(Resource, build, spec.Image, _services, _logger, cancellationToken).ConfigureAwait(false);
            await runtime.BuildImageAsync(buildSpec, progress, cancellationToken).ConfigureAwait(false);
            return IsPersistent ? await GetImageIdAsync(runtime, spec.Image, cancellationToken).ConfigureAwait(false) : null;
        }

        // Always pulls on every start, without asking what the runtime has; a failed pull fails the start.
        var policy = ImagePullPolicies.Of(Resource);
        if (policy != ImagePullPolicy.Always)
        {
            if (IsPersistent)
            {
                if (await runtime.GetImageIdAsync(spec.Image, cancellationToken).ConfigureAwait(false) is { } id)
                {
                    return id;
                }
            }
            else if (await _images.ExistsAsync(runtime, spec.Image, firstStart, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        if (policy == ImagePullPolicy.Never)
        {
            throw ImagePullPolicies.NeverPulled(runtime.Name, Resource.Name, spec.Image);
        }

        _logger.LogInformation("Pulling image {Image}", spec.Image);
        await runtime.PullImageAsync(spec.Image, spec.Platform, progress, cancellationToken).ConfigureAwait(false);
        return IsPersistent ? await GetImageIdAsync(runtime, spec.Image, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The id of an image just built or pulled; one the runtime then does not have fails as image_not_found.</summary>
    private static async Task<string> GetImageIdAsync(IContainerRuntime runtime, string image, CancellationToken cancellationToken) =>
        await runtime.GetImageIdAsync(image, cancellationToken).ConfigureAwait(false)
            ?? throw new BridgeException(BridgeErrorCode.ImageNotFound, $"{runtime.Name} has no image '{image}' after ensuring it.") { Runtime = runtime.Name };

    private static async Task EnsureVolumesAsync(IContainerRuntime runtime, RunSpec spec, CancellationToken cancellationToken)
    {
        foreach (var mount in spec.Mounts.Where(m => m.Kind == MountKind.Volume && m.Source is not null))
        {
            try
            {
                var labels = spec.Labels.Where(l => l.Key != ContainerLabels.ConfigHash).ToDictionary(l => l.Key, l => l.Value);
                await runtime.CreateVolumeAsync(new VolumeSpec(mount.Source!) { Labels = labels }, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.NameInUse)
            {
            }
        }
    }

    /// <summary>The container to start, and what its start reported when it already runs (a new session container is created and started in one step).</summary>
    private async Task<(string Id, ContainerInfo? Started)> CreateOrReuseAsync(IContainerRuntime runtime, RunSpec spec, CancellationToken cancellationToken)
    {
        // A session's labels are new with the AppHost: before this runner's first container there is nothing to find.
        if (!IsPersistent && _containerId is null)
        {
            try
            {
                var started = await runtime.RunContainerAsync(spec, cancellationToken).ConfigureAwait(false);
                return (started.Id, started);
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.NameInUse)
            {
                // An earlier attempt of this session got as far as creating it: replace that one below.
            }
            catch (BridgeException)
            {
                await RemoveLeftoverAsync(runtime, spec.Name).ConfigureAwait(false);
                throw;
            }
        }

        var lookup = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ContainerLabels.Managed] = "true",
            [ContainerLabels.Resource] = Resource.Name,
            [ContainerLabels.Lifetime] = spec.Labels[ContainerLabels.Lifetime],
        };
        lookup[IsPersistent ? ContainerLabels.AppHost : ContainerLabels.Session] = spec.Labels[IsPersistent ? ContainerLabels.AppHost : ContainerLabels.Session];

        foreach (var existing in await runtime.ListContainersAsync(lookup, cancellationToken).ConfigureAwait(false))
        {
            if (IsPersistent && existing.Name == spec.Name
                && existing.Labels.GetValueOrDefault(ContainerLabels.ConfigHash) == spec.Labels[ContainerLabels.ConfigHash])
            {
                _logger.LogInformation("Reusing persistent container {Container} ({Id}): its configuration is unchanged.", existing.Name, existing.Id);
                return (existing.Id, null);
            }

            _logger.LogInformation(
                IsPersistent ? "Recreating container {Container}: its configuration changed." : "Removing the previous container {Container}.",
                existing.Name);
            await runtime.RemoveContainerAsync(existing.Id, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return (await runtime.CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Removes what a failed create-and-start may have left (a created container that did not start).</summary>
    private async Task RemoveLeftoverAsync(IContainerRuntime runtime, string name)
    {
        try
        {
            await runtime.RemoveContainerAsync(name, force: true, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code != BridgeErrorCode.ContainerNotFound)
        {
            _logger.LogDebug("Could not remove the container {Container} that did not start: {Message}", name, ex.Message);
        }
        catch (BridgeException)
        {
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order.</summary>
    private sealed class SynchronousProgress(Action<ProgressEvent> report) : IProgress<ProgressEvent>
    {
        public void Report(ProgressEvent value) => report(value);
    }
}
