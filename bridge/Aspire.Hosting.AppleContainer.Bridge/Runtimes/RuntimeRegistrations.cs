using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The runtimes the selector knows, in auto-selection order.</summary>
internal static class RuntimeRegistrations
{
    /// <summary>Apple's <c>container</c> (macOS) first, then podman, then docker.</summary>
    public static IReadOnlyList<RuntimeRegistration> Default { get; } =
    [
        new("apple", "container", OperatingSystem.IsMacOS, path => new AppleContainerRuntime(path)),
        new("podman", "podman", () => true, path => new OciContainerRuntime("podman", path)),
        new("docker", "docker", () => true, path => new OciContainerRuntime("docker", path)),
    ];
}
