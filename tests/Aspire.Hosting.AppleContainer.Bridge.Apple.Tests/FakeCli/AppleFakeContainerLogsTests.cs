using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The logs contract on the fake container CLI.</summary>
public sealed class AppleFakeContainerLogsTests(AppleFakeCliFixture fixture) : ContainerLogsContract<AppleFakeCliFixture>(fixture);
