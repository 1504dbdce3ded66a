using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The lifecycle contract on the fake container CLI.</summary>
public sealed class AppleFakeContainerLifecycleTests(AppleFakeCliFixture fixture) : ContainerLifecycleContract<AppleFakeCliFixture>(fixture);
