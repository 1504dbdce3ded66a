using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The image query contract on the fake container CLI.</summary>
public sealed class AppleFakeImageQueryTests(AppleFakeCliFixture fixture) : ImageQueryContract<AppleFakeCliFixture>(fixture);
