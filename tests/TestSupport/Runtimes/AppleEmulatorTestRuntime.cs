using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// Apple's dialect on the Apple CLI emulator (tests/AppleCliEmulator, built by eng/apple-emulator.sh), which carries the
/// <c>container</c> 1.x verbs out on podman. The emulator keeps its state next to its executable unless
/// <c>ACTR_APPLE_EMULATOR_STATE</c> says otherwise.
/// </summary>
[RuntimeAvailability(typeof(AppleEmulatorTestRuntimeAvailability))]
public sealed class AppleEmulatorTestRuntime : TestRuntime
{
    /// <inheritdoc />
    public override string Name => "apple-emulator";

    /// <inheritdoc />
    public override string Selection => "apple";

    /// <inheritdoc />
    public override string? CliPath => AppleEmulatorLocator.Path;

    /// <summary>Persistent containers start detached on Apple's runtime, so their exit codes are not observed.</summary>
    public override bool ReportsPersistentExitCodes => false;
}

/// <summary>The emulator runs its containers on podman: it skips only where podman is not installed.</summary>
public sealed class AppleEmulatorTestRuntimeAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() =>
        PodmanFactAttribute.IsInstalled ? null : "the Apple CLI emulator runs its containers on podman, which is not installed (eng/install-prereqs.sh installs it).";
}
