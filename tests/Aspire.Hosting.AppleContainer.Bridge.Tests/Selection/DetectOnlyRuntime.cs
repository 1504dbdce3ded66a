using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

/// <summary>A selection test double: detection answers as configured; nothing else is used by the selector.</summary>
internal sealed class DetectOnlyRuntime(string name, string path, bool running) : UnusedContainerRuntime
{
    public override string Name { get; } = name;

    public string Path { get; } = path;

    public override RuntimeCapabilities Capabilities { get; } = OciCapabilities.For(OciFlavor.Docker, serviceIsLocalLinux: true);

    public override Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default) => Task.FromResult(new RuntimeInfo
    {
        Name = Name,
        ExecutablePath = Path,
        IsRunning = running,
        Capabilities = Capabilities,
        Problem = running ? null : new BridgeException(BridgeErrorCode.RuntimeNotRunning, $"{Name} is not running") { Runtime = Name },
    });
}
