using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Docker;

/// <summary>With podman and docker both installed and running, as on CI: the documented order decides.</summary>
public sealed class DockerAndPodmanSelectionTests(DockerFixture docker) : IClassFixture<DockerFixture>
{
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Auto_picks_podman_before_docker_and_each_can_be_named_explicitly()
    {
        Assert.NotNull(PodmanAvailability.PodmanPath);
        Assert.Null(DockerEngine.SkipReason);

        var auto = await ContainerRuntimeSelector.SelectRememberingAsync(new RuntimeSelectionOptions { Runtime = "auto" });
        var explicitDocker = await ContainerRuntimeSelector.SelectAsync(new RuntimeSelectionOptions { Runtime = "docker" });

        Assert.Equal("podman", auto.Runtime.Name);
        Assert.StartsWith("podman ", ContainerRuntimeSelector.DescribeChoice(new RuntimeSelectionOptions(), auto.Info!), StringComparison.Ordinal);
        Assert.Equal("docker", explicitDocker.Name);
        Assert.True((await explicitDocker.DetectAsync()).IsRunning, $"docker at {docker.DockerPath} does not answer");
    }
}
