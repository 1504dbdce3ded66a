using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>A runtime that detection found usable.</summary>
/// <param name="Runtime">The runtime.</param>
/// <param name="Info">What detection reported (CLI path, version).</param>
internal sealed record ActiveRuntime(IContainerRuntime Runtime, RuntimeInfo Info)
{
    /// <summary>The runtime's capabilities.</summary>
    public RuntimeCapabilities Capabilities => Runtime.Capabilities;
}
