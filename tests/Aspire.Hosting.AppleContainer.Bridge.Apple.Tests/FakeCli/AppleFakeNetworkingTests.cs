using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The networking contract on the fake container CLI.</summary>
public sealed class AppleFakeNetworkingTests(AppleFakeCliFixture fixture) : NetworkingContract<AppleFakeCliFixture>(fixture);
