using System.Runtime.CompilerServices;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

/// <summary>A selection test double: detection answers as configured; nothing else is used by the selector.</summary>
internal sealed class DetectOnlyRuntime(string name, string path, bool running) : IContainerRuntime
{
    public string Name { get; } = name;

    public string Path { get; } = path;

    public RuntimeCapabilities Capabilities { get; } = OciCapabilities.For(OciFlavor.Docker, serviceIsLocalLinux: true);

    public Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default) => Task.FromResult(new RuntimeInfo
    {
        Name = Name,
        ExecutablePath = Path,
        IsRunning = running,
        Capabilities = Capabilities,
        Problem = running ? null : new BridgeException(BridgeErrorCode.RuntimeNotRunning, $"{Name} is not running") { Runtime = Name },
    });

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default) => throw Unused();

    public Task PullImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default) => throw Unused();

    public Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public Task StartContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) => throw Unused();

    public Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unused();

    public async IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        throw Unused();
#pragma warning disable CS0162 // Unreachable code: an iterator needs a yield.
        yield break;
#pragma warning restore CS0162
    }

    public Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default) => throw Unused();

    public Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => throw Unused();

    public Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => throw Unused();

    private static NotSupportedException Unused() => new("The selector only detects.");
}
