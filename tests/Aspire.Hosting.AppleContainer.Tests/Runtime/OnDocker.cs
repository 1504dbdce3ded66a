using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

// The orchestrator's real-runtime suites on a real docker engine (eng/docker-daemon.sh starts one for the test command).

/// <summary>Everyday orchestration on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerMultiResourceAppTests(MultiResourceAppFixture<DockerTestRuntime> fixture) : MultiResourceAppTests<DockerTestRuntime>(fixture);

/// <summary>Persistent lifetimes on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerLifetimeTests(DockerTestRuntime runtime) : LifetimeTests<DockerTestRuntime>(runtime);

/// <summary>A killed or interrupted AppHost on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerCrashCleanupTests(DockerTestRuntime runtime) : CrashCleanupTests<DockerTestRuntime>(runtime);

/// <summary>Dockerfile builds on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerDockerfileTests(DockerTestRuntime runtime) : DockerfileTests<DockerTestRuntime>(runtime);

/// <summary>Failed and inspected starts on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerFailedStartTests(DockerTestRuntime runtime) : FailedStartTests<DockerTestRuntime>(runtime);

/// <summary>The session sweep on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerSessionSweepTests(DockerTestRuntime runtime) : SessionSweepTests<DockerTestRuntime>(runtime);

/// <summary>Aspire's own container resources taken over, on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerTakeoverAppTests(TakeoverAppFixture<DockerTestRuntime> fixture) : TakeoverAppTests<DockerTestRuntime>(fixture);

/// <summary>A container's OTLP span on the dashboard, on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerOtlpDashboardTests(DockerTestRuntime runtime, Xunit.Abstractions.ITestOutputHelper output) : OtlpDashboardTests<DockerTestRuntime>(runtime, output);

/// <summary>WithContainerFiles on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerContainerFilesAppTests(DockerTestRuntime runtime) : ContainerFilesAppTests<DockerTestRuntime>(runtime);

/// <summary>Certificate trust and server certificates on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerCertificateTests(DockerTestRuntime runtime) : CertificateTests<DockerTestRuntime>(runtime);

/// <summary>Container networking on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerContainerNetworkTests(DockerTestRuntime runtime) : ContainerNetworkTests<DockerTestRuntime>(runtime);

/// <summary>DCP's containers and ours side by side on a real docker engine.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerDcpNeighbourTests(DockerTestRuntime runtime) : DcpNeighbourTests<DockerTestRuntime>(runtime);

/// <summary>Publishing (build, tag, push) through the integration's runtime, on real docker.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class DockerPublishTests(DockerTestRuntime runtime) : PublishTests<DockerTestRuntime>(runtime)
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> LogoutCommand(string registry) => [DockerEngine.CliPath ?? "docker", "logout", registry];
}
