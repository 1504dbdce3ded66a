using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The exec contract on the fake container CLI.</summary>
public sealed class AppleFakeExecTests(AppleFakeCliFixture fixture) : ExecContract<AppleFakeCliFixture>(fixture);
