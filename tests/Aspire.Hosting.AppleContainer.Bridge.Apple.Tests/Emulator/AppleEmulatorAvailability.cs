using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>The emulator tier runs wherever podman runs (Linux); elsewhere its tests are skipped with the reason.</summary>
public sealed class AppleEmulatorAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() => AppleEmulator.SkipReason;
}
