using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A runtime double for tests that need no container: it answers the host address and capabilities, and fails
/// every container operation loudly so that a test relying on one cannot pass by accident.
/// </summary>
internal sealed class HostAddressOnlyRuntime(string hostAddress) : IContainerRuntime, IContainerRuntimeProvider
{
    public string Name => "test";

    public RuntimeCapabilities Capabilities { get; init; } = new()
    {
        ReportsExitCodes = true, HasEvents = true, HasHealthChecks = true, RequiresExplicitHostPort = false,
        RejectsPrivilegedPortsOnLoopback = false, SupportsFractionalCpus = true, NamedVolumesSingleWriter = false,
        SupportsNetworkAliases = true, SupportsTmpfs = true, SupportsExecCancellation = true, ContainerIsVirtualMachine = false,
    };

    public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ActiveRuntime(this, new RuntimeInfo { Name = Name, IsRunning = true, Capabilities = Capabilities, ExecutablePath = "/bin/false" }));

    public Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => Task.FromResult(hostAddress);

    public Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task PullImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task StartContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("This test runtime only answers the host address.");
}
