using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>The exec contract of the Apple dialect on the Apple CLI emulator (real containers on podman).</summary>
public sealed class AppleEmulatorExecTests(AppleEmulatorFixture fixture) : ExecContract<AppleEmulatorFixture>(fixture);
