using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

// The orchestrator's real-runtime suites on real podman.

/// <summary>Everyday orchestration on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanMultiResourceAppTests(MultiResourceAppFixture<PodmanTestRuntime> fixture) : MultiResourceAppTests<PodmanTestRuntime>(fixture);

/// <summary>Persistent lifetimes on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanLifetimeTests(PodmanTestRuntime runtime) : LifetimeTests<PodmanTestRuntime>(runtime);

/// <summary>A killed or interrupted AppHost on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanCrashCleanupTests(PodmanTestRuntime runtime) : CrashCleanupTests<PodmanTestRuntime>(runtime);

/// <summary>Dockerfile builds on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanDockerfileTests(PodmanTestRuntime runtime) : DockerfileTests<PodmanTestRuntime>(runtime);

/// <summary>Failed and inspected starts on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanFailedStartTests(PodmanTestRuntime runtime) : FailedStartTests<PodmanTestRuntime>(runtime);

/// <summary>The session sweep on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanSessionSweepTests(PodmanTestRuntime runtime) : SessionSweepTests<PodmanTestRuntime>(runtime);

/// <summary>Aspire's own container resources taken over, on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanTakeoverAppTests(TakeoverAppFixture<PodmanTestRuntime> fixture) : TakeoverAppTests<PodmanTestRuntime>(fixture);

/// <summary>A container's OTLP span on the dashboard, on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanOtlpDashboardTests(PodmanTestRuntime runtime, Xunit.Abstractions.ITestOutputHelper output) : OtlpDashboardTests<PodmanTestRuntime>(runtime, output);

/// <summary>WithContainerFiles on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanContainerFilesAppTests(PodmanTestRuntime runtime) : ContainerFilesAppTests<PodmanTestRuntime>(runtime);

/// <summary>Certificate trust and server certificates on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanCertificateTests(PodmanTestRuntime runtime) : CertificateTests<PodmanTestRuntime>(runtime);

/// <summary>Container networking on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanContainerNetworkTests(PodmanTestRuntime runtime) : ContainerNetworkTests<PodmanTestRuntime>(runtime);

/// <summary>DCP's containers and ours side by side on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanDcpNeighbourTests(PodmanTestRuntime runtime) : DcpNeighbourTests<PodmanTestRuntime>(runtime);

/// <summary>Publishing (build, tag, push) through the integration's runtime, on real podman.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class PodmanPublishTests(PodmanTestRuntime runtime) : PublishTests<PodmanTestRuntime>(runtime)
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> LogoutCommand(string registry) => ["podman", "logout", registry];
}
