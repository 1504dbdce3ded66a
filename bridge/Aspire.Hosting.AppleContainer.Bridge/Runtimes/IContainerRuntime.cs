namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// The bridge's contract: one container runtime driven through its CLI. Every failure is a
/// <see cref="BridgeException"/> with a stable <see cref="BridgeException.Code"/> (a time limit of the bridge's own
/// included, as <see cref="BridgeErrorCode.Timeout"/>). Cancellation is not a failure: it surfaces as an
/// <see cref="OperationCanceledException"/> carrying the caller's token, and no child process outlives the call that
/// started it.
/// </summary>
internal interface IContainerRuntime
{
    /// <summary>The runtime's name: <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    string Name { get; }

    /// <summary>What this runtime can do.</summary>
    RuntimeCapabilities Capabilities { get; }

    /// <summary>Finds the CLI and asks whether its service runs and which version it is. Never throws for an unusable runtime; see <see cref="RuntimeInfo.Problem"/>.</summary>
    Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether an image exists locally.</summary>
    Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>
    /// The identity of a local image as the runtime reports it, or null when it does not exist: podman's and docker's
    /// image id, Apple's image id (the digest of its index descriptor). It changes when the reference is rebuilt or
    /// pulled anew with other content, so it tells whether a container still runs what the reference now names.
    /// </summary>
    Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="images"/> exist locally (each as <see cref="ImageExistsAsync"/> would answer), as the
    /// subset of the given references. Dialects ask their CLI about all of them in one call where it can; this default
    /// asks one by one, concurrently.
    /// </summary>
    /// <param name="images">Image references (duplicates are asked once).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The references (as given) that exist; empty when <paramref name="images"/> is.</returns>
    Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default) =>
        ImageQuery.OneByOneAsync(this, ImageQuery.Distinct(images), cancellationToken);

    /// <summary>Pulls an image for <paramref name="platform"/> (<c>os/arch[/variant]</c>; the host's when null), reporting progress lines.</summary>
    Task PullImageAsync(string image, string? platform = null, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Builds an image, reporting progress lines; cancellation stops the builder process.</summary>
    Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a local image.</summary>
    Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Gives the local image <paramref name="source"/> the further reference <paramref name="target"/>.</summary>
    Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pushes the local image <paramref name="image"/> (a full reference, registry included) to its registry, reporting
    /// progress lines. A registry on an internal host (<see cref="RegistryHost.IsInternal"/>) is spoken to in plain HTTP:
    /// podman gets <c>--tls-verify=false</c>, Apple's CLI <c>--scheme http</c>; docker's daemon decides by itself (127.0.0.0/8
    /// and its <c>insecure-registries</c>). Failures: <see cref="BridgeErrorCode.RegistryUnreachable"/>,
    /// <see cref="BridgeErrorCode.RegistryAuthRefused"/>, <see cref="BridgeErrorCode.ImageNotFound"/> (not local).
    /// </summary>
    Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs in to <paramref name="registry"/> (<c>host[:port]</c>) and stores the credentials where the runtime keeps them.
    /// The password reaches the CLI on its standard input, never on an argv or in a log.
    /// </summary>
    Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default);

    /// <summary>Writes the local images <paramref name="images"/> into one archive at <paramref name="archivePath"/>.</summary>
    Task SaveImagesAsync(IReadOnlyList<string> images, string archivePath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the images of the archive at <paramref name="archivePath"/> (what <see cref="SaveImagesAsync"/> of the same runtime
    /// wrote; Apple's CLI also an OCI image layout tarball such as the .NET SDK's) and returns the references they got, as the runtime
    /// prints them (docker names an image without a reference by its id).
    /// </summary>
    Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default);

    /// <summary>Creates (but does not start) a container and returns its id.</summary>
    Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a container (starting a running container succeeds) and returns what the runtime reports of it once
    /// started: address and timestamps, so that nobody needs to inspect it again.
    /// </summary>
    Task<ContainerInfo> StartContainerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates and starts a container (one CLI call where the runtime has one) and returns it as
    /// <see cref="StartContainerAsync"/> does. When the start fails the created container may remain under
    /// <see cref="RunSpec.Name"/>, as after a failed <see cref="StartContainerAsync"/>.
    /// </summary>
    async Task<ContainerInfo> RunContainerAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        var id = await CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        return await StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the stop signal, waits up to <paramref name="gracePeriod"/>, then kills. Stopping a stopped container succeeds.</summary>
    Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal (KILL by default) to the container's main process.</summary>
    Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a container; with <paramref name="force"/> a running one too; with <paramref name="removeVolumes"/> its anonymous volumes.</summary>
    Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default);

    /// <summary>Inspects one container; <see cref="BridgeErrorCode.ContainerNotFound"/> when it does not exist.</summary>
    Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists containers (running or not) carrying every given label (keys and values as passed to <see cref="RunSpec.Labels"/>).</summary>
    Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams a container's output, stdout and stderr told apart. Without <paramref name="follow"/> it ends after the
    /// existing output; with it, when the container stops (after its last line) or when canceled (promptly).
    /// </summary>
    IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, CancellationToken cancellationToken = default);

    /// <summary>Runs a command in a running container; cancellation stops the in-container process.</summary>
    Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Waits until the container is no longer running and reports its exit (code null when unknowable).</summary>
    Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates a named volume; <see cref="BridgeErrorCode.NameInUse"/> when it exists.</summary>
    Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Lists volumes carrying every given label.</summary>
    Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a named volume; <see cref="BridgeErrorCode.VolumeNotFound"/> when missing, <see cref="BridgeErrorCode.VolumeInUse"/> when used.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a container network; <see cref="BridgeErrorCode.NameInUse"/> when one of that name exists.</summary>
    Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Lists the container networks carrying every given label (built-in networks carry none of ours).</summary>
    Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a container network; <see cref="BridgeErrorCode.NetworkNotFound"/> when missing,
    /// <see cref="BridgeErrorCode.NetworkInUse"/> while containers are attached to it.
    /// </summary>
    Task RemoveNetworkAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The address containers use to reach services on the host, as the runtime defines it.</summary>
    Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default);
}
