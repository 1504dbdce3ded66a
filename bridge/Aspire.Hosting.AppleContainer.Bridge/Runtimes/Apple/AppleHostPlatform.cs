using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The facts about the host that decide whether Apple's <c>container</c> can run: macOS 26 or later on Apple silicon
/// (apple/container README.md @1.0.0: "You need a Mac with Apple silicon", "supported on macOS 26").
/// </summary>
/// <param name="IsMacOS">Whether the host runs macOS.</param>
/// <param name="OSVersion">The operating system version.</param>
/// <param name="Architecture">The processor architecture.</param>
internal sealed record AppleHostPlatform(bool IsMacOS, Version OSVersion, Architecture Architecture)
{
    /// <summary>The oldest macOS the runtime supports.</summary>
    public static Version MinimumMacOSVersion { get; } = new(26, 0);

    /// <summary>This machine.</summary>
    public static AppleHostPlatform Current { get; } =
        new(OperatingSystem.IsMacOS(), Environment.OSVersion.Version, RuntimeInformation.OSArchitecture);

    /// <summary>The Linux platform of images that run natively here: <c>linux/arm64</c> on Apple silicon.</summary>
    public string LinuxPlatform => Architecture switch
    {
        Architecture.Arm64 => "linux/arm64",
        Architecture.X64 => "linux/amd64",
        Architecture.Arm => "linux/arm/v7",
        _ => "linux/" + Architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>The coded reason the runtime cannot run here, or null when the host qualifies.</summary>
    public BridgeException? Problem()
    {
        if (!IsMacOS)
        {
            return Unsupported(
                "Apple's container runtime runs only on macOS (26 or later, Apple silicon); this host is not a Mac.",
                "Use podman or docker on this host (set the runtime to podman or docker).");
        }

        if (Architecture != Architecture.Arm64)
        {
            return Unsupported(
                $"Apple's container runtime needs a Mac with Apple silicon; this Mac is {Architecture} (Intel).",
                "Use podman or docker on an Intel Mac.");
        }

        if (OSVersion < MinimumMacOSVersion)
        {
            return Unsupported(
                $"Apple's container runtime needs macOS {MinimumMacOSVersion.Major} or later; this Mac runs macOS {OSVersion}.",
                $"Upgrade to macOS {MinimumMacOSVersion.Major}, or use podman or docker.");
        }

        return null;
    }

    private static BridgeException Unsupported(string message, string hint) =>
        new(BridgeErrorCode.UnsupportedRuntime, message) { Runtime = AppleContainerRuntime.RuntimeName, Hint = hint };
}
