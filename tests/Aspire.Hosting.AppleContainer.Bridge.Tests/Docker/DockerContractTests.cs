using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Docker;

/// <summary>The lifecycle contract on real docker.</summary>
public sealed class DockerContainerLifecycleTests(DockerFixture fixture) : ContainerLifecycleContract<DockerFixture>(fixture);

/// <summary>The logs contract on real docker.</summary>
public sealed class DockerContainerLogsTests(DockerFixture fixture) : ContainerLogsContract<DockerFixture>(fixture);

/// <summary>The list contract on real docker.</summary>
public sealed class DockerContainerListTests(DockerFixture fixture) : ContainerListContract<DockerFixture>(fixture);

/// <summary>The exec contract on real docker.</summary>
public sealed class DockerExecTests(DockerFixture fixture) : ExecContract<DockerFixture>(fixture);

/// <summary>The volume contract on real docker.</summary>
public sealed class DockerVolumeTests(DockerFixture fixture) : VolumeContract<DockerFixture>(fixture);

/// <summary>The image contract on real docker.</summary>
public sealed class DockerImageTests(DockerFixture fixture) : ImageContract<DockerFixture>(fixture);

/// <summary>The secrets contract on real docker.</summary>
public sealed class DockerSecretsTests(DockerFixture fixture) : SecretsContract<DockerFixture>(fixture);

/// <summary>The container-files contract on real docker.</summary>
public sealed class DockerContainerFilesTests(DockerFixture fixture) : ContainerFilesContract<DockerFixture>(fixture);

/// <summary>The networking contract on real docker.</summary>
public sealed class DockerNetworkingTests(DockerFixture fixture) : NetworkingContract<DockerFixture>(fixture);

/// <summary>The container network contract on real docker.</summary>
public sealed class DockerContainerNetworkTests(DockerFixture fixture) : ContainerNetworkContract<DockerFixture>(fixture);

/// <summary>The registry contract on a real docker engine, against real local registries.</summary>
public sealed class DockerRegistryTests(DockerFixture fixture) : RegistryContract<DockerFixture>(fixture);
