using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The runtimes the selector knows, in auto-selection order.</summary>
internal static class RuntimeRegistrations
{
    /// <summary>Apple's <c>container</c> (macOS) first, then podman, then docker.</summary>
    public static IReadOnlyList<RuntimeRegistration> Default { get; } =
    [
        new("apple", "container", OperatingSystem.IsMacOS, (path, options) => new AppleContainerRuntime(path, new AppleContainerRuntimeOptions { MaxConcurrentVmTransitions = options.MaxConcurrentVmTransitions })
        {
            Logger = Logger(options, AppleContainerRuntime.LogCategory),
        }),
        new("podman", "podman", () => true, (path, options) => new OciContainerRuntime("podman", path) { Logger = Logger(options, OciContainerRuntime.LogCategory) }),
        new("docker", "docker", () => true, (path, options) => new OciContainerRuntime("docker", path) { Logger = Logger(options, OciContainerRuntime.LogCategory) }),
    ];

    private static ILogger Logger(RuntimeSelectionOptions options, string category) =>
        options.LoggerFactory?.CreateLogger(category) ?? NullLogger.Instance;
}
