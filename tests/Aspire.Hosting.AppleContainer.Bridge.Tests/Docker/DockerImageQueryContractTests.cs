using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Docker;

/// <summary>The image query contract on real docker.</summary>
public sealed class DockerImageQueryContractTests(DockerFixture fixture) : ImageQueryContract<DockerFixture>(fixture);
