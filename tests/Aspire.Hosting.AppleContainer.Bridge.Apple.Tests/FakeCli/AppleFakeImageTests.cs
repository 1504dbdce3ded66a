using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The image contract on the fake container CLI.</summary>
public sealed class AppleFakeImageTests(AppleFakeCliFixture fixture) : ImageContract<AppleFakeCliFixture>(fixture);
