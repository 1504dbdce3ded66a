using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>The image query contract on real podman.</summary>
public sealed class PodmanImageQueryContractTests(PodmanFixture fixture) : ImageQueryContract<PodmanFixture>(fixture);
