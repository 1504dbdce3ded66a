using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The list contract on the fake container CLI.</summary>
public sealed class AppleFakeContainerListTests(AppleFakeCliFixture fixture) : ContainerListContract<AppleFakeCliFixture>(fixture);
