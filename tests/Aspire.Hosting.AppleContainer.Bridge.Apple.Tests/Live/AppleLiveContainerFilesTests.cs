using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Live;

/// <summary>The container-files contract of the Apple dialect on Apple's real runtime (skipped where it is not installed).</summary>
public sealed class AppleLiveContainerFilesTests(AppleLiveFixture fixture) : ContainerFilesContract<AppleLiveFixture>(fixture);
