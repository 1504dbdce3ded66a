using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Supplies the container runtime the orchestrator drives; a seam for tests and for runtime selection.</summary>
internal interface IContainerRuntimeProvider
{
    /// <summary>
    /// The usable runtime and what detection reported about it. Throws a coded <see cref="BridgeException"/> when no
    /// runtime is usable; a later call tries again (the user may have started the runtime meanwhile).
    /// </summary>
    Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken);
}
