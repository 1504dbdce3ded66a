using System.Text.Json.Nodes;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciParsingTests
{
    [Theory]
    [InlineData("podman", "enga-cr", "actr.k")]
    [InlineData("docker", "engd-cr", "actr.k")]
    public void A_created_container_is_created_with_no_exit_code_no_dates_and_no_address(string runtime, string name, string label)
    {
        // docker names it "/engd-cr" and its top-level Image is the image's id (the reference is Config.Image); podman
        // names it "enga-cr" and adds ImageName.
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Read(runtime, "inspect-created.json"), runtime));

        Assert.Equal(name, info.Name);
        Assert.Equal("localhost/actr-test/service:latest", info.Image);
        Assert.Equal(ContainerState.Created, info.State);
        Assert.Null(info.ExitCode);
        Assert.Null(info.StartedAt);
        Assert.Null(info.FinishedAt);
        Assert.NotNull(info.CreatedAt);
        Assert.Null(info.IpAddress);
        Assert.Equal("a=b", info.Labels[label]);
    }

    [Theory]
    [InlineData("podman", 35217)]
    [InlineData("docker", null)]
    public void A_created_container_reports_the_port_it_will_publish_with_the_host_port_podman_chose_at_create_and_docker_chooses_at_start(string runtime, int? hostPort)
    {
        // docker lists no ports under NetworkSettings until it starts the container; its HostConfig.PortBindings holds what was asked.
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Read(runtime, "inspect-created.json"), runtime));

        Assert.Equal([new PortMapping(8080, hostPort, "127.0.0.1")], info.Ports);
    }

    [Theory]
    [InlineData("podman", "10.88.0.6", 35217, "2026-11-28T08:44:27Z")]
    [InlineData("docker", "172.17.0.2", 32774, "2026-12-02T19:53:22Z")]
    public void A_running_container_reports_its_ip_port_volume_tmpfs_and_start_time(string runtime, string ip, int hostPort, string startedAt)
    {
        // docker lists the tmpfs mount in Mounts; podman only in HostConfig.Tmpfs.
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Read(runtime, "inspect-running.json"), runtime));

        Assert.Equal(ContainerState.Running, info.State);
        Assert.Equal(ip, info.IpAddress);
        Assert.Equal([new PortMapping(8080, hostPort, "127.0.0.1")], info.Ports);
        Assert.Equal(
            [new MountSpec(MountKind.Volume, runtime == "podman" ? "enga-vol1" : "engd-vol1", "/data"), new MountSpec(MountKind.Tmpfs, null, "/tmpfs")],
            info.Mounts);
        Assert.Equal(DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture), info.StartedAt!.Value.AddTicks(-(info.StartedAt.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Null(info.ExitCode);
        Assert.Null(info.FinishedAt);
    }

    [Theory]
    [InlineData("podman")]
    [InlineData("docker")]
    public void An_exited_container_reports_its_exit_code_and_finish_time(string runtime)
    {
        // Its ports: podman keeps the key with null ("8080/tcp": null), docker an empty object.
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Read(runtime, "inspect-exited.json"), runtime));

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
    public void A_docker_container_on_a_user_network_has_its_address_only_under_that_network_and_an_unpublished_exposed_port_is_skipped()
    {
        // docker's top-level IPAddress is empty off the default bridge, and an EXPOSEd port it does not publish is "8080/tcp": null.
        var info = Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Docker("inspect-on-network.json"), "docker"));

        Assert.Equal("engd-na", info.Name);
        Assert.Equal("172.21.0.2", info.IpAddress);
        Assert.Equal([new PortMapping(8053, 32769, "0.0.0.0", PortProtocol.Udp)], info.Ports);
        Assert.Equal([new MountSpec(MountKind.Bind, "/tmp/engd-context", "/c", ReadOnly: true)], info.Mounts);
    }

    [Fact]
    public void A_binding_without_a_host_address_is_on_every_address()
    {
        var json = JsonNode.Parse(OciFixtureFiles.Podman("inspect-running.json"))!;
        json[0]!["NetworkSettings"]!["Ports"]!["8080/tcp"]![0]!["HostIp"] = string.Empty;

        var info = Assert.Single(OciInspectParser.Parse(json.ToJsonString(), "podman"));

        Assert.Equal([new PortMapping(8080, 35217, "0.0.0.0")], info.Ports);
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

    [Theory]
    [InlineData("version.json", true)]
    [InlineData("version-no-daemon.json", false)]
    public void The_docker_client_version_is_read_and_the_server_section_is_there_only_when_its_daemon_answered(string fixture, bool daemonAnswered)
    {
        // Without a daemon docker prints "Server":null (and exits 1).
        var (client, hasServer) = OciVersionParser.Parse(OciFixtureFiles.Docker(fixture));

        Assert.Equal(new Version(28, 2, 2), client);
        Assert.Equal(daemonAnswered, hasServer);
    }

    [Theory]
    [InlineData("podman", "enga-vi", "enga")]
    [InlineData("docker", "engd-vi", "engd")]
    public void Volume_inspect_yields_names_and_decoded_labels(string runtime, string name, string label)
    {
        var volume = Assert.Single(OciVolumeParser.Parse(OciFixtureFiles.Read(runtime, "volume-inspect.json"), runtime));

        Assert.Equal(name, volume.Name);
        Assert.Equal("1", volume.Labels[label]);
    }

    [Theory]
    [InlineData("podman", "enga-net")]
    [InlineData("docker", "engd-net")]
    public void Network_inspect_yields_names_and_decoded_labels_from_podmans_lowercase_and_dockers_capitalised_fields(string runtime, string name)
    {
        var network = Assert.Single(OciNetworkParser.Parse(OciFixtureFiles.Read(runtime, "network-inspect.json"), runtime));

        Assert.Equal(name, network.Name);
        Assert.Equal("true", network.Labels["io.aspire.applecontainer.managed"]);
    }

    [Fact]
    public void Docker_lists_full_ids_with_no_trunc_that_inspect_and_the_die_event_report_and_one_name_a_line()
    {
        var ids = OciFixtureFiles.Docker("ps.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var inspected = new[] { "inspect-created.json", "inspect-exited.json" }
            .Select(fixture => Assert.Single(OciInspectParser.Parse(OciFixtureFiles.Docker(fixture), "docker")).Id);

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{64}$", id));
        Assert.Subset(ids.ToHashSet(), inspected.Append(OciExitEvent.TryParse(OciFixtureFiles.Docker("events-died.json"))!.ContainerId).ToHashSet());
        Assert.Equal("engd-vi\n", OciFixtureFiles.Docker("volume-list.txt"));
        Assert.Equal("engd-net\n", OciFixtureFiles.Docker("network-list.txt"));
    }

    [Fact]
    public void Image_ids_are_podmans_hex_digest_and_dockers_same_digest_with_a_sha256_prefix_one_line_per_image()
    {
        // The dialect keeps the id as printed (an opaque key for persistent reuse) and counts the lines.
        var podman = OciFixtureFiles.Podman("image-inspect.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var docker = OciFixtureFiles.Docker("image-inspect.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, podman.Length);
        Assert.Equal(podman.Select(id => "sha256:" + id), docker);
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
