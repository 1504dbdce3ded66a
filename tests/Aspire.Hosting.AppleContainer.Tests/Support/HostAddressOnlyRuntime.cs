using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A runtime double for tests that need no container: it answers the host address and capabilities, and fails
/// every container operation loudly so that a test relying on one cannot pass by accident.
/// </summary>
internal sealed class HostAddressOnlyRuntime(string hostAddress) : UnusedContainerRuntime, IContainerRuntimeProvider
{
    public override RuntimeCapabilities Capabilities { get; } = new()
    {
        ReportsExitCodes = true, RequiresExplicitHostPort = false, RejectsPrivilegedPortsOnLoopback = false,
        SupportsFractionalCpus = true, SupportsNetworkAliases = true, SupportsTmpfs = true, SupportsExecCancellation = true,
    };

    public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ActiveRuntime(this, new RuntimeInfo { Name = Name, IsRunning = true, Capabilities = Capabilities, ExecutablePath = "/bin/false" }));

    public override Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => Task.FromResult(hostAddress);
}
