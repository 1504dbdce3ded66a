using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>The lifecycle contract on real podman.</summary>
public sealed class PodmanContainerLifecycleTests(PodmanFixture fixture) : ContainerLifecycleContract<PodmanFixture>(fixture);

/// <summary>The logs contract on real podman.</summary>
public sealed class PodmanContainerLogsTests(PodmanFixture fixture) : ContainerLogsContract<PodmanFixture>(fixture);

/// <summary>The list contract on real podman.</summary>
public sealed class PodmanContainerListTests(PodmanFixture fixture) : ContainerListContract<PodmanFixture>(fixture);

/// <summary>The exec contract on real podman.</summary>
public sealed class PodmanExecTests(PodmanFixture fixture) : ExecContract<PodmanFixture>(fixture);

/// <summary>The volume contract on real podman.</summary>
public sealed class PodmanVolumeTests(PodmanFixture fixture) : VolumeContract<PodmanFixture>(fixture);

/// <summary>The image contract on real podman.</summary>
public sealed class PodmanImageTests(PodmanFixture fixture) : ImageContract<PodmanFixture>(fixture);

/// <summary>The secrets contract on real podman.</summary>
public sealed class PodmanSecretsTests(PodmanFixture fixture) : SecretsContract<PodmanFixture>(fixture);

/// <summary>The container-files contract on real podman.</summary>
public sealed class PodmanContainerFilesTests(PodmanFixture fixture) : ContainerFilesContract<PodmanFixture>(fixture);

/// <summary>The networking contract on real podman.</summary>
public sealed class PodmanNetworkingTests(PodmanFixture fixture) : NetworkingContract<PodmanFixture>(fixture);

/// <summary>The container network contract on real podman.</summary>
public sealed class PodmanContainerNetworkTests(PodmanFixture fixture) : ContainerNetworkContract<PodmanFixture>(fixture);

/// <summary>The registry contract on real podman, against real local registries.</summary>
public sealed class PodmanRegistryTests(PodmanFixture fixture) : RegistryContract<PodmanFixture>(fixture);
