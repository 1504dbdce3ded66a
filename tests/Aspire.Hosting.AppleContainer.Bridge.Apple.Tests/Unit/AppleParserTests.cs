namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>Parsing of the golden fixtures (Fixtures/Apple/README.md names each source file and tag).</summary>
public sealed class AppleParserTests
{
    [Fact]
    public void List_reads_running_stopped_never_started_and_stopping_containers()
    {
        var containers = AppleContainerParser.Parse(AppleFixtures.Read("container-list.json"), "list");

        Assert.Equal(["web", "job", "fresh", "leaving"], containers.Select(c => c.Id));
        Assert.Equal([ContainerState.Running, ContainerState.Exited, ContainerState.Created, ContainerState.Stopping], containers.Select(c => c.State));
        Assert.All(containers, c => Assert.Null(c.ExitCode));
        Assert.Equal("192.168.64.3", containers[0].IpAddress);
        Assert.Null(containers[1].IpAddress);
        Assert.Equal("192.168.64.9", containers[3].IpAddress);
        Assert.Null(containers[2].StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 8, 0, 5, TimeSpan.Zero), containers[0].StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero), containers[0].CreatedAt);
    }

    [Fact]
    public void List_reads_ports_mounts_labels_and_image()
    {
        var web = AppleContainerParser.Parse(AppleFixtures.Read("container-list.json"), "list")[0];

        Assert.Equal("docker.io/library/nginx:latest", web.Image);
        Assert.Equal("web", web.Name);
        Assert.Equal(
            [new PortMapping(80, 8080, "127.0.0.1"), new PortMapping(5353, 15353, "0.0.0.0", PortProtocol.Udp), new PortMapping(5354, 15354, "0.0.0.0", PortProtocol.Udp)],
            web.Ports);
        Assert.Equal(
            [new MountSpec(MountKind.Bind, "/Users/dev/site", "/usr/share/nginx/html", ReadOnly: true), new MountSpec(MountKind.Volume, "webdata", "/data"), new MountSpec(MountKind.Tmpfs, null, "/run/cache")],
            web.Mounts);
        Assert.Equal("a=b=c", web.Labels["aspire.session"]);
        Assert.Equal("web", web.Labels["aspire.resource"]);
    }

    [Fact]
    public void Inspect_reads_the_pretty_1_2_shape_and_the_legacy_snapshot_shape()
    {
        var running = Assert.Single(AppleContainerParser.Parse(AppleFixtures.Read("container-inspect-running.json"), "inspect"));
        var legacy = Assert.Single(AppleContainerParser.Parse(AppleFixtures.Read("container-snapshot-legacy.json"), "inspect"));

        Assert.Equal(ContainerState.Running, running.State);
        Assert.Equal("192.168.64.12", running.IpAddress);
        Assert.Equal([new PortMapping(8080, 49152, "127.0.0.1")], running.Ports);
        Assert.Equal(ContainerState.Running, legacy.State);
        Assert.Equal("192.168.64.7", legacy.IpAddress);
        Assert.Equal("legacy", legacy.Labels["owner"]);
    }

    [Fact]
    public void Malformed_output_is_unparseable_output()
    {
        var error = Assert.Throws<BridgeException>(() => AppleContainerParser.Parse("{not json", "list"));
        var notArray = Assert.Throws<BridgeException>(() => AppleContainerParser.Parse("{}", "list"));

        Assert.Equal(BridgeErrorCode.UnparseableOutput, error.Code);
        Assert.Equal(BridgeErrorCode.UnparseableOutput, notArray.Code);
        Assert.Empty(AppleContainerParser.Parse(string.Empty, "list"));
    }

    [Fact]
    public void Volumes_networks_images_status_and_version_are_read()
    {
        var volumes = AppleVolumeParser.Parse(AppleFixtures.Read("volume-list.json"));
        var images = AppleImageParser.Parse(AppleFixtures.Read("image-inspect.json"));
        var builder = AppleContainerParser.Parse(AppleFixtures.Read("builder-status-running.json"), "builder status");

        Assert.Equal(["webdata", "scratch"], volumes.Select(v => v.Name));
        Assert.Equal("x=y", volumes[0].Labels["aspire.note"]);
        Assert.Empty(volumes[1].Labels);
        Assert.Equal("192.168.64.1", AppleNetworkParser.Gateway(AppleFixtures.Read("network-inspect-default.json")));
        var image = Assert.Single(images);
        Assert.Equal("localhost/aspire/api:dev", image.Name);
        Assert.Equal("4e5f6a7b", image.Id); // the index descriptor digest's hex part (ImageResource.swift@1.2.2:75–79)
        Assert.Equal("a=b", image.Labels["aspire.build"]);
        Assert.Equal("amd64", image.Labels["aspire.variant"]);
        Assert.Equal("https://example.test/api", image.Labels["org.opencontainers.image.source"]);
        Assert.True(AppleSystemStatus.TryParse(AppleFixtures.Read("system-status-running.json"))!.IsRunning);
        Assert.Equal("not running", AppleSystemStatus.TryParse(AppleFixtures.Read("system-status-not-running.json"))!.Status);
        Assert.Null(AppleSystemStatus.TryParse("apiserver is not running"));
        Assert.Equal(ContainerState.Running, Assert.Single(builder).State);
        Assert.Equal(new Version(1, 0, 0), AppleVersionParser.Parse(AppleFixtures.Lines("version.txt").Single()));
        Assert.False(AppleVersionParser.IsAppleCli("container version 0.1 (some other tool)"));
    }
}
