using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A runtime double for tests that need no container: it answers the host address and capabilities, records the
/// networks created, and fails every container operation loudly so that a test relying on one cannot pass by accident.
/// </summary>
internal sealed class HostAddressOnlyRuntime(string hostAddress, bool networkAliases = true) : UnusedContainerRuntime, IContainerRuntimeProvider
{
    public override RuntimeCapabilities Capabilities { get; } = new()
    {
        ReportsExitCodes = true, RequiresExplicitHostPort = false, RejectsPrivilegedPortsOnLoopback = false,
        SupportsFractionalCpus = true, SupportsNetworkAliases = networkAliases, SupportsTmpfs = true, SupportsExecCancellation = true,
    };

    /// <summary>The networks created through this runtime, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<NetworkSpec> CreatedNetworks { get; } = new();

    public override Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default)
    {
        CreatedNetworks.Enqueue(spec);
        return Task.CompletedTask;
    }

    public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ActiveRuntime(this, new RuntimeInfo { Name = Name, IsRunning = true, Capabilities = Capabilities, ExecutablePath = "/bin/false" }));

    public override Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) => Task.FromResult(hostAddress);
}
