namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// The Apple CLI emulator (tests/AppleCliEmulator) for this project's tests: its executable (found as every test project
/// finds it, <see cref="AppleEmulatorLocator"/>) and whether it can run here (Linux with podman).
/// </summary>
public static class AppleEmulator
{
    /// <summary>The emulator's <c>container</c> executable (built on first use).</summary>
    public static string CliPath => AppleEmulatorLocator.Path;

    /// <summary>Why the emulator cannot run here, or null: it needs Linux and podman.</summary>
    public static string? SkipReason { get; } =
        !OperatingSystem.IsLinux() ? "The Apple CLI emulator runs containers on podman (Linux only)."
        : !(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "podman")))
            ? "podman is not installed (eng/install-prereqs.sh installs it); the Apple CLI emulator runs containers on it."
        : null;
}
