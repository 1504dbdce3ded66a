using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>The volume contract of the Apple dialect on the Apple CLI emulator (real containers on podman).</summary>
public sealed class AppleEmulatorVolumeTests(AppleEmulatorFixture fixture) : VolumeContract<AppleEmulatorFixture>(fixture);
