using System.Runtime.CompilerServices;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// The base of the runtime doubles in unit tests: every member fails loudly, naming itself and the double, so a test
/// that relies on an operation its double does not script cannot pass by accident. A double overrides only what the
/// code under test may use. Compiled into each test project that needs it (<c>tests/TestSupport</c>).
/// </summary>
internal abstract class UnusedContainerRuntime : IContainerRuntime
{
    public virtual string Name => "test";

    public virtual RuntimeCapabilities Capabilities => throw Unused();

    public virtual Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task PullImageAsync(string image, string? platform = null, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task SaveImagesAsync(IReadOnlyList<string> images, string archivePath, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<ContainerInfo> StartContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<ContainerInfo> RunContainerAsync(RunSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task RemoveNetworkAsync(string name, CancellationToken cancellationToken = default) => throw Unused();

    public virtual Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => throw Unused();

    /// <summary>The failure of a member this double does not script.</summary>
    protected NotSupportedException Unused([CallerMemberName] string member = "") =>
        new($"{GetType().Name} does not script {nameof(IContainerRuntime)}.{member}; the code under test was not expected to call it.");
}
