using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>The container-files contract of the Apple dialect on the Apple CLI emulator (real containers on podman).</summary>
public sealed class AppleEmulatorContainerFilesTests(AppleEmulatorFixture fixture) : ContainerFilesContract<AppleEmulatorFixture>(fixture);
