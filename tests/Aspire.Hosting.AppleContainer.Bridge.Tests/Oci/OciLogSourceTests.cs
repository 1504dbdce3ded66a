using System.Text.Json.Nodes;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>Where podman 4.3.1 and docker 20.10.24 keep a container's output (captured <c>container inspect</c> fixtures), and when the dialect may follow the file itself.</summary>
public sealed class OciLogSourceTests
{
    [Fact]
    public void A_running_container_with_the_k8s_file_driver_and_no_size_limit_has_a_followable_file()
    {
        var source = OciInspectParser.ParseLogSource(OciFixtureFiles.Podman("inspect-running.json"));

        Assert.NotNull(source);
        Assert.Equal("affede826ee92e98042bf841320c6ffcf19e6a9ef901f489723cc8dc60c8e980", source.ContainerId);
        Assert.Equal("k8s-file", source.Driver);
        Assert.Equal("/var/lib/containers/storage/overlay-containers/affede826ee92e98042bf841320c6ffcf19e6a9ef901f489723cc8dc60c8e980/userdata/ctr.log", source.Path);
        Assert.Equal("2026-11-28T08:44:27.37749052Z", source.StartedAt);
        Assert.True(source.IsRunning);
        Assert.True(source.IsFollowableFile);
    }

    [Theory]
    [InlineData("inspect-exited.json", ContainerState.Exited)]
    [InlineData("inspect-created.json", ContainerState.Created)]
    internal void A_container_that_does_not_run_is_not_running_but_its_file_can_still_be_read(string fixture, ContainerState state)
    {
        var source = OciInspectParser.ParseLogSource(OciFixtureFiles.Podman(fixture));

        Assert.NotNull(source);
        Assert.Equal(state, source.State);
        Assert.False(source.IsRunning);
        Assert.True(source.IsFollowableFile);
    }

    [Fact]
    public void A_docker_container_logs_through_json_file_with_no_path_in_its_log_config_so_the_cli_reads_it()
    {
        // docker keeps the file's path in LogPath, written by its daemon; HostConfig.LogConfig has only Type and Config.
        var source = OciInspectParser.ParseLogSource(OciFixtureFiles.Docker("inspect-running.json"));

        Assert.NotNull(source);
        Assert.Equal("733b267c7b4e7d2a3153dca89db510f35673e7c9571ab1eab0965c9284f2ce58", source.ContainerId);
        Assert.Equal("json-file", source.Driver);
        Assert.Null(source.Path);
        Assert.True(source.IsRunning);
        Assert.False(source.IsFollowableFile);
    }

    [Theory]
    [InlineData("journald", "", "0B")]
    [InlineData("k8s-file", "", "0B")]
    [InlineData("k8s-file", "/var/lib/containers/x/ctr.log", "1MB")]
    [InlineData("json-file", "/var/lib/docker/containers/x/x-json.log", "0B")]
    public void Other_drivers_files_without_a_path_and_rotated_files_are_left_to_the_cli(string driver, string path, string size)
    {
        var json = JsonNode.Parse(OciFixtureFiles.Podman("inspect-running.json"))!;
        var logConfig = json[0]!["HostConfig"]!["LogConfig"]!;
        (logConfig["Type"], logConfig["Path"], logConfig["Size"]) = (driver, path, size);

        var source = OciInspectParser.ParseLogSource(json.ToJsonString());

        Assert.NotNull(source);
        Assert.False(source.IsFollowableFile);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""[{"Id":"abc"}]""")]
    public void Output_that_is_not_a_container_gives_no_source(string json)
    {
        Assert.Null(OciInspectParser.ParseLogSource(json));
    }
}
