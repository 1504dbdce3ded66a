namespace Aspire.Hosting.AppleContainer.Integrations.Tests;

/// <summary>The integrations AppHost on real podman.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class PodmanIntegrationsAppTests(IntegrationsAppFixture<PodmanTestRuntime> fixture) : IntegrationsAppTests<PodmanTestRuntime>(fixture);

/// <summary>The integrations AppHost on Apple's dialect, through the Apple CLI emulator.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class AppleEmulatorIntegrationsAppTests(IntegrationsAppFixture<AppleEmulatorTestRuntime> fixture) : IntegrationsAppTests<AppleEmulatorTestRuntime>(fixture)
{
    /// <inheritdoc />
    protected override bool ResolvesContainerNames => false;
}

/// <summary>The integrations AppHost on a real docker engine.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class DockerIntegrationsAppTests(IntegrationsAppFixture<DockerTestRuntime> fixture) : IntegrationsAppTests<DockerTestRuntime>(fixture);
