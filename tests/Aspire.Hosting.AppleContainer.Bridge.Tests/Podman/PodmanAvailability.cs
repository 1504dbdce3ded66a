using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>The podman tier runs wherever podman is on PATH (CI installs it); it skips only when it is absent.</summary>
public sealed class PodmanAvailability : RuntimeAvailability
{
    /// <summary>podman's path on PATH, or null.</summary>
    public static string? PodmanPath => ExecutableLocator.FromEnvironment().Find("podman");

    /// <inheritdoc />
    protected override string? ProbeSkipReason() => PodmanPath is null ? "podman is not installed (not on PATH)." : null;
}
