using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The runtimes the selector knows, in auto-selection order.</summary>
internal static class RuntimeRegistrations
{
    /// <summary>Apple's <c>container</c> (macOS) first, then podman, then docker.</summary>
    public static IReadOnlyList<RuntimeRegistration> Default { get; } =
    [
        new("apple", "container", OperatingSystem.IsMacOS, (path, options) => new AppleContainerRuntime(path, new AppleContainerRuntimeOptions { MaxConcurrentVmTransitions = options.MaxConcurrentVmTransitions })),
        new("podman", "podman", () => true, (path, _) => new OciContainerRuntime("podman", path)),
        new("docker", "docker", () => true, (path, _) => new OciContainerRuntime("docker", path)),
    ];
}
