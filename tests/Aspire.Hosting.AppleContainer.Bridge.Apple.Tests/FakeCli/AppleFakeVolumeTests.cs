using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The volume contract on the fake container CLI.</summary>
public sealed class AppleFakeVolumeTests(AppleFakeCliFixture fixture) : VolumeContract<AppleFakeCliFixture>(fixture);
