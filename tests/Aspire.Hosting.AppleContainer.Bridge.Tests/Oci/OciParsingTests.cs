using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciParsingTests
{
    [Fact]
    public void A_created_container_is_created_with_no_exit_code_no_dates_and_its_published_port()
    {
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Podman("inspect-created.json"), "podman"));

        Assert.Equal("enga-cr", info.Name);
        Assert.Equal("localhost/actr-test/service:latest", info.Image);
        Assert.Equal(ContainerState.Created, info.State);
        Assert.Null(info.ExitCode);
        Assert.Null(info.StartedAt);
        Assert.Null(info.FinishedAt);
        Assert.NotNull(info.CreatedAt);
        Assert.Null(info.IpAddress);
        Assert.Equal("a=b", info.Labels["actr.k"]);
    }

    [Fact]
    public void A_running_container_reports_its_ip_port_volume_and_start_time()
    {
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Podman("inspect-running.json"), "podman"));

        Assert.Equal(ContainerState.Running, info.State);
        Assert.Equal("10.88.0.6", info.IpAddress);
        Assert.Equal([new PortMapping(8080, 35217, "127.0.0.1")], info.Ports);
        Assert.Contains(new MountSpec(MountKind.Volume, "enga-vol1", "/data"), info.Mounts);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 44, 27, TimeSpan.Zero), info.StartedAt!.Value.AddTicks(-(info.StartedAt.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Null(info.ExitCode);
        Assert.Null(info.FinishedAt);
    }

    [Fact]
    public void An_exited_container_reports_its_exit_code_and_finish_time()
    {
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Podman("inspect-exited.json"), "podman"));

        Assert.Equal(ContainerState.Exited, info.State);
        Assert.Equal(3, info.ExitCode);
        Assert.NotNull(info.FinishedAt);
        Assert.Empty(info.Ports);
    }

    [Theory]
    [InlineData("configured", ContainerState.Created)]
    [InlineData("initialized", ContainerState.Created)]
    [InlineData("created", ContainerState.Created)]
    [InlineData("running", ContainerState.Running)]
    [InlineData("paused", ContainerState.Paused)]
    [InlineData("stopping", ContainerState.Stopping)]
    [InlineData("stopped", ContainerState.Exited)]
    [InlineData("exited", ContainerState.Exited)]
    [InlineData("removing", ContainerState.Removing)]
    [InlineData("dead", ContainerState.Dead)]
    [InlineData("sleeping", ContainerState.Unknown)]
    internal void Runtime_states_are_normalised(string status, ContainerState expected)
    {
        Assert.Equal(expected, OciInspectParser.ParseState(status));
    }

    [Fact]
    public void Docker_style_names_lose_their_slash_and_ip_prefixes_are_dropped()
    {
        const string json = """
            [{"Id":"abc","Name":"/web","Image":"sha256:1","Config":{"Image":"nginx:1","Labels":{"a":"b"}},
              "Created":"2024-01-01T00:00:00Z","State":{"Status":"exited","ExitCode":137,"StartedAt":"2024-01-01T00:00:01Z","FinishedAt":"2024-01-01T00:00:02Z"},
              "NetworkSettings":{"IPAddress":"","Networks":{"appnet":{"IPAddress":"172.18.0.2/16"}},"Ports":{"80/udp":[{"HostIp":"","HostPort":"8053"}]}},
              "Mounts":[{"Type":"bind","Source":"/host","Destination":"/c","RW":false}]}]
            """;

        var info = Assert.Single(OciInspectParser.Parse(json, "docker"));

        Assert.Equal("web", info.Name);
        Assert.Equal("nginx:1", info.Image);
        Assert.Equal(137, info.ExitCode);
        Assert.Equal("172.18.0.2", info.IpAddress);
        Assert.Equal([new PortMapping(80, 8053, "0.0.0.0", PortProtocol.Udp)], info.Ports);
        Assert.Equal([new MountSpec(MountKind.Bind, "/host", "/c", ReadOnly: true)], info.Mounts);
    }

    [Fact]
    public void Output_that_is_not_an_inspect_array_is_unparseable_output()
    {
        var error = Assert.Throws<BridgeException>(() => OciInspectParser.Parse("Error: something", "podman"));

        Assert.Equal(BridgeErrorCode.UnparseableOutput, error.Code);
    }

    [Fact]
    public void The_podman_version_is_read_and_a_local_podman_has_no_server_section()
    {
        var (client, hasServer) = OciVersionParser.Parse(OciFixtureFiles.Podman("version.json"));

        Assert.Equal(new Version(4, 3, 1), client);
        Assert.False(hasServer);
        Assert.Equal(new Version(24, 0, 7), OciVersionParser.ParseVersion("24.0.7+dfsg1"));
        Assert.Null(OciVersionParser.ParseVersion("dev"));
    }

    [Fact]
    public void Volume_inspect_yields_names_and_decoded_labels()
    {
        var volume = Assert.Single(OciVolumeParser.Parse(OciFixtureFiles.Podman("volume-inspect.json"), "podman"));

        Assert.Equal("enga-vi", volume.Name);
        Assert.Equal("1", volume.Labels["enga"]);
    }

    [Fact]
    public void Network_inspect_yields_names_and_decoded_labels_from_podman_and_docker_shapes()
    {
        var podman = Assert.Single(OciNetworkParser.Parse(OciFixtureFiles.Podman("network-inspect.json"), "podman"));
        var docker = Assert.Single(OciNetworkParser.Parse("""[{"Name":"enga-net","Labels":{"io.aspire.applecontainer.managed":"true"}}]""", "docker"));

        Assert.Equal("enga-net", podman.Name);
        Assert.Equal("true", podman.Labels["io.aspire.applecontainer.managed"]);
        Assert.Equal("true", docker.Labels["io.aspire.applecontainer.managed"]);
    }

    [Fact]
    public void Top_rows_are_parsed_and_an_exec_tree_includes_its_descendants_only()
    {
        const string top = "HPID        PID         PPID\n8432        1           0\n8446        10          1\n8472        11          0\n8480        12          11\n8481        13          12\n";

        var rows = OciExecTerminator.ParseTop(top);
        var tree = OciExecTerminator.WithDescendants(rows, new HashSet<int> { 11 });

        Assert.Equal(5, rows.Count);
        Assert.Equal([8472, 8480, 8481], tree.Select(r => r.HostPid));
    }
}
