using System.Runtime.CompilerServices;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <content>The container, image and volume operations the orchestrator uses, kept in memory.</content>
internal sealed partial class ScriptedRuntime
{
    public override async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("image-exists", image, cancellationToken).ConfigureAwait(false);
        return HasImage(image);
    }

    public override async Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("find-images", string.Join(',', images), cancellationToken).ConfigureAwait(false);
        return new HashSet<string>(images.Where(HasImage), StringComparer.Ordinal);
    }

    public override async Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("image-id", image, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_lackedImages.Contains(image))
            {
                return null;
            }

            return _imageIds.TryGetValue(image, out var id) ? id : "sha256:" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(image));
        }
    }

    public override async Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("create-volume", spec.Name, cancellationToken).ConfigureAwait(false);
    }

    public override async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("remove-volume", name, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("create", spec.Name, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return Add(spec).Id;
        }
    }

    public override async Task<ContainerInfo> RunContainerAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("run", spec.Name, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var container = Add(spec);
            container.Start();
            return container.ToInfo();
        }
    }

    public override async Task<ContainerInfo> StartContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("start", id, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var container = Find(id);
            container.Start();
            return container.ToInfo();
        }
    }

    public override async Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("stop", id, cancellationToken).ConfigureAwait(false);
        Change(id, c => c.Exit(StopExitCode));
    }

    public override async Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("remove", id, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var container = Find(id);
            if (container.IsRunning && !force)
            {
                throw new BridgeException(BridgeErrorCode.InvalidState, $"'{id}' is running.") { Runtime = Name };
            }

            container.Exit(null);
            _containers.Remove(container.Id);
        }
    }

    public override async Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("inspect", id, cancellationToken).ConfigureAwait(false);
        return Container(id);
    }

    public override async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("list", string.Join(',', labels?.Select(l => $"{l.Key}={l.Value}") ?? []), cancellationToken).ConfigureAwait(false);
        return [.. Containers.Where(c => labels?.All(l => c.Labels.GetValueOrDefault(l.Key) == l.Value) ?? true)];
    }

    /// <summary>Waits as <c>podman wait</c> does: a container that is not running answers at once.</summary>
    public override async Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default)
    {
        Task<ContainerExit> exit;
        using (await EnterAsync("wait", id, cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                var container = Find(id);
                exit = container.IsRunning ? container.Watch.Task : Task.FromResult(new ContainerExit(container.ExitCode, container.FinishedAt));
                if (container.IsRunning)
                {
                    container.Watched.TrySetResult();
                }
            }
        }

        return await exit.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No output; a followed stream ends when the run ends, and fails when the runtime goes away.</summary>
    public override async IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Task ended;
        using (await EnterAsync("logs", id, cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                var container = Find(id);
                ended = follow && container.IsRunning ? container.Ended.Task : Task.CompletedTask;
            }
        }

        await Task.WhenAny(ended, _gone.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfGone();
        yield break;
    }

    private ScriptedContainer Add(RunSpec spec)
    {
        if (_containers.Values.Any(c => c.Name == spec.Name))
        {
            throw new BridgeException(BridgeErrorCode.NameInUse, $"The name '{spec.Name}' is in use.") { Runtime = Name };
        }

        var number = ++_nextId;
        var container = new ScriptedContainer($"c{number}", spec, $"10.88.0.{number + 1}");
        _containers[container.Id] = container;
        return container;
    }
}
