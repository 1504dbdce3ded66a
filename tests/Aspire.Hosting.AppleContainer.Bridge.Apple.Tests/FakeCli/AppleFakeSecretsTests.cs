using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The secrets contract on the fake container CLI.</summary>
public sealed class AppleFakeSecretsTests(AppleFakeCliFixture fixture) : SecretsContract<AppleFakeCliFixture>(fixture);
