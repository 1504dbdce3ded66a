using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Live;

/// <summary>The image query contract on the real container CLI (macOS 26, Apple silicon); skipped elsewhere with the reason.</summary>
public sealed class AppleLiveImageQueryTests(AppleLiveFixture fixture) : ImageQueryContract<AppleLiveFixture>(fixture);
