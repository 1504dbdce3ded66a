using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciArgumentsTests
{
    private static readonly OciArguments Podman = new(OciFlavor.Podman);
    private static readonly OciArguments Docker = new(OciFlavor.Docker);

    private static RunSpec FullSpec() => new()
    {
        Name = "web-1",
        Image = "localhost/app:1",
        Entrypoint = ["/bin/app", "--serve"],
        Args = ["--port", "8080"],
        Environment = new Dictionary<string, string> { ["MODE"] = "a=b" },
        SecretEnvironment = new Dictionary<string, string> { ["TOKEN"] = "never-on-argv" },
        Labels = new Dictionary<string, string> { ["App.Name"] = "web", ["conn"] = "k=v" },
        Ports = [new PortMapping(8080, null), new PortMapping(53, 5353, "::1", PortProtocol.Udp)],
        Mounts = [new MountSpec(MountKind.Volume, "data", "/data", ReadOnly: true), new MountSpec(MountKind.Tmpfs, null, "/scratch")],
        Cpus = 1.5,
        MemoryBytes = 64 * 1024 * 1024,
        Network = "appnet",
        NetworkAliases = ["web"],
        Dns = ["10.0.0.2"],
        Init = true,
        Platform = "linux/amd64",
        User = "1000:1000",
        WorkingDirectory = "/srv",
        ReadOnlyRootFilesystem = true,
    };

    [Fact]
    public void Copying_files_reads_a_tar_from_stdin_at_the_root_keeping_its_owners_in_each_flavor()
    {
        Assert.Equal(["cp", "--archive=false", "-", "web-1:/"], Podman.CopyArchive("web-1"));
        Assert.Equal(["cp", "--archive", "-", "web-1:/"], Docker.CopyArchive("web-1"));
    }

    [Fact]
    public void Podman_create_passes_the_entrypoint_as_a_json_array_and_secrets_only_by_env_file()
    {
        var argv = Podman.Create(FullSpec(), "/tmp/env-1");

        Assert.Equal(
            [
                "create", "--name", "web-1", "--entrypoint", "[\"/bin/app\",\"--serve\"]", "--env", "MODE=a=b",
                "--env-file", "/tmp/env-1", "--label", "app.name=web", "--label", "conn=b64.az12",
                "--publish", "127.0.0.1::8080/tcp", "--publish", "[::1]:5353:53/udp",
                "--mount", "type=volume,source=data,target=/data,ro", "--mount", "type=tmpfs,target=/scratch",
                "--cpus", "1.5", "--memory", "67108864", "--network", "appnet", "--network-alias", "web",
                "--dns", "10.0.0.2", "--init", "--platform", "linux/amd64", "--user", "1000:1000", "--workdir", "/srv",
                "--read-only", "localhost/app:1", "--port", "8080",
            ],
            argv);
        Assert.DoesNotContain(argv, a => a.Contains("never-on-argv", StringComparison.Ordinal));
    }

    [Fact]
    public void Docker_create_takes_one_entrypoint_executable_and_moves_the_rest_before_the_args()
    {
        var argv = Docker.Create(FullSpec() with { Mounts = [], Ports = [] }, envFilePath: null);

        Assert.Equal(["--entrypoint", "/bin/app"], argv.Skip(3).Take(2));
        Assert.Equal(["localhost/app:1", "--serve", "--port", "8080"], argv.TakeLast(4));
        Assert.DoesNotContain("--env-file", argv);
    }

    [Fact]
    public void Docker_containers_resolve_host_docker_internal_to_the_host_gateway_and_podman_ones_are_left_to_podman()
    {
        var spec = new RunSpec { Name = "x1", Image = "img" };

        Assert.Equal(["--add-host", "host.docker.internal:host-gateway"], Docker.Create(spec, envFilePath: null).SkipWhile(a => a != "--add-host").Take(2));
        Assert.DoesNotContain("--add-host", Podman.Create(spec, envFilePath: null));
    }

    [Fact]
    public void Runtime_args_without_a_spec_field_go_verbatim_and_in_order_after_the_mapped_flags_and_before_the_image()
    {
        var spec = new RunSpec { Name = "x1", Image = "img", Args = ["sleep", "1"], Init = true, RuntimeArgs = ["--hostname", "engd-host", "--privileged", "--label=x=y"] };

        foreach (var arguments in new[] { Podman, Docker })
        {
            string[] hostGateway = arguments == Docker ? ["--add-host", "host.docker.internal:host-gateway"] : [];
            Assert.Equal(["create", "--name", "x1", .. hostGateway, "--init", "--hostname", "engd-host", "--privileged", "--label=x=y", "img", "sleep", "1"], arguments.Create(spec, null));
            Assert.Equal(["run", "--detach", "--name", "x1", .. hostGateway, "--init", "--hostname", "engd-host", "--privileged", "--label=x=y", "img", "sleep", "1"], arguments.Run(spec, null));
        }
    }

    [Fact]
    public void A_minimal_create_names_the_image_last()
    {
        Assert.Equal(["create", "--name", "x1", "img"], Podman.Create(new RunSpec { Name = "x1", Image = "img" }, null));
    }

    [Fact]
    public void Run_is_a_detached_create_with_exactly_the_same_options()
    {
        var create = Podman.Create(FullSpec(), "/tmp/env-1");

        var run = Podman.Run(FullSpec(), "/tmp/env-1");

        Assert.Equal(["run", "--detach"], run.Take(2));
        Assert.Equal(create.Skip(1), run.Skip(2));
    }

    [Fact]
    public void Bind_mounts_with_a_comma_in_the_path_are_rejected_as_invalid_spec()
    {
        var spec = new RunSpec { Name = "x1", Image = "img", Mounts = [new MountSpec(MountKind.Bind, "/tmp/a,b", "/b")] };

        var error = Assert.Throws<BridgeException>(() => Podman.Create(spec, null));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal("mount", error.Option);
    }

    [Fact]
    public void Bind_mounts_are_passed_with_source_and_target()
    {
        var spec = new RunSpec { Name = "x1", Image = "img", Mounts = [new MountSpec(MountKind.Bind, "/tmp/a b", "/b")] };

        Assert.Contains("type=bind,source=/tmp/a b,target=/b", Podman.Create(spec, null));
    }

    [Fact]
    public void Build_passes_file_tags_args_secrets_target_platform_no_cache_labels_and_context()
    {
        var spec = new BuildSpec
        {
            ContextDirectory = "/src",
            Dockerfile = "/src/Dockerfile.dev",
            Tags = ["app:1", "app:latest"],
            BuildArgs = new Dictionary<string, string> { ["V"] = "1" },
            Secrets = new Dictionary<string, string> { ["npm"] = "value-not-on-argv" },
            Target = "final",
            Platform = "linux/arm64",
            NoCache = true,
            Labels = new Dictionary<string, string> { ["x"] = "y" },
        };

        var argv = Podman.Build(spec, new Dictionary<string, string> { ["npm"] = "/tmp/s/secret-0" });

        Assert.Equal(
            [
                "build", "--force-rm", "--file", "/src/Dockerfile.dev", "--tag", "app:1", "--tag", "app:latest", "--build-arg", "V=1",
                "--secret", "id=npm,src=/tmp/s/secret-0", "--target", "final", "--platform", "linux/arm64", "--no-cache",
                "--label", "x=y", "/src",
            ],
            argv);
        Assert.Equal(argv, Docker.Build(spec, new Dictionary<string, string> { ["npm"] = "/tmp/s/secret-0" }));
    }

    [Fact]
    public void Build_passes_a_build_arg_without_a_value_by_name_only_for_the_CLI_to_take_from_its_environment()
    {
        var spec = new BuildSpec
        {
            ContextDirectory = "/src",
            Tags = ["app:1"],
            BuildArgs = new Dictionary<string, string> { ["V"] = "1" },
            BuildArgsFromEnvironment = ["FROM_ENV"],
        };

        var argv = Podman.Build(spec, new Dictionary<string, string>());

        Assert.Equal(["build", "--force-rm", "--tag", "app:1", "--build-arg", "V=1", "--build-arg", "FROM_ENV", "/src"], argv);
        Assert.Equal(argv, Docker.Build(spec, new Dictionary<string, string>()));
    }

    [Fact]
    public void Exit_events_replay_ten_seconds_of_container_deaths_in_each_flavors_json()
    {
        Assert.Equal(["events", "--format", "json", "--since", "10s", "--filter", "type=container", "--filter", "event=died"], Podman.ExitEvents());
        Assert.Equal(["events", "--format", "{{json .}}", "--since", "10s", "--filter", "type=container", "--filter", "event=die"], Docker.ExitEvents());
    }

    [Fact]
    public void Container_operations_have_fixed_argv_for_both_flavors()
    {
        Assert.Equal(["version", "--format", "json"], Podman.Version());
        Assert.Equal(["version", "--format", "{{json .}}"], Docker.Version()); // docker's CLI before 23 prints "json" for --format json.
        foreach (var flavor in new[] { Podman, Docker })
        {
            Assert.Equal(["image", "inspect", "--format", "{{.Id}}", "img"], flavor.ImageInspect("img"));
            Assert.Equal(["pull", "img"], flavor.Pull("img"));
            Assert.Equal(["image", "rm", "img"], flavor.RemoveImage("img", force: false));
            Assert.Equal(["image", "rm", "--force", "img"], flavor.RemoveImage("img", force: true));
            Assert.Equal(["start", "c"], flavor.Start("c"));
            Assert.Equal(["stop", "--time", "3", "c"], flavor.Stop("c", TimeSpan.FromSeconds(2.2)));
            Assert.Equal(["kill", "--signal", "KILL", "c"], flavor.Kill("c", null));
            Assert.Equal(["kill", "--signal", "TERM", "c"], flavor.Kill("c", "TERM"));
            Assert.Equal(["rm", "--force", "--volumes", "c"], flavor.Remove("c", force: true, removeVolumes: true));
            Assert.Equal(["rm", "c"], flavor.Remove("c", force: false, removeVolumes: false));
            Assert.Equal(["container", "inspect", "a", "b"], flavor.Inspect(["a", "b"]));
            Assert.Equal(["ps", "--all", "--no-trunc", "--filter", "label=k=b64.YT1i", "--format", "{{.ID}}"], flavor.ListIds(new Dictionary<string, string> { ["k"] = "b64.YT1i" }));
            Assert.Equal(["logs", "--follow", "c"], flavor.Logs("c", follow: true));
            Assert.Equal(["logs", "c"], flavor.Logs("c", follow: false));
            Assert.Equal(["wait", "c"], flavor.Wait("c"));
            Assert.Equal(["top", "c", "hpid", "pid", "ppid"], flavor.Top("c"));
            Assert.Equal(["volume", "create", "--label", "k=v", "vol"], flavor.CreateVolume(new VolumeSpec("vol") { Labels = new Dictionary<string, string> { ["k"] = "v" } }));
            Assert.Equal(["volume", "ls", "--filter", "label=k=v", "--format", "{{.Name}}"], flavor.ListVolumeNames(new Dictionary<string, string> { ["k"] = "v" }));
            Assert.Equal(["volume", "inspect", "vol"], flavor.InspectVolumes(["vol"]));
            Assert.Equal(["volume", "rm", "vol"], flavor.RemoveVolume("vol"));
            Assert.Equal(["network", "create", "--label", "k=v", "net"], flavor.CreateNetwork(new NetworkSpec("net") { Labels = new Dictionary<string, string> { ["k"] = "v" } }));
            Assert.Equal(["network", "ls", "--filter", "label=k=v", "--format", "{{.Name}}"], flavor.ListNetworkNames(new Dictionary<string, string> { ["k"] = "v" }));
            Assert.Equal(["network", "inspect", "net"], flavor.InspectNetworks(["net"]));
            Assert.Equal(["network", "rm", "net"], flavor.RemoveNetwork("net"));
        }
    }

    [Fact]
    public void Exec_passes_stdin_env_marker_workdir_and_user_before_the_container()
    {
        var spec = new ExecSpec
        {
            Command = ["sh", "-c", "cat"],
            StandardInput = "x",
            Environment = new Dictionary<string, string> { ["A"] = "1" },
            WorkingDirectory = "/w",
            User = "app",
        };

        Assert.Equal(
            ["exec", "--interactive", "--env", "A=1", "--env", "ACTR_EXEC_SESSION=m1", "--workdir", "/w", "--user", "app", "c", "sh", "-c", "cat"],
            Podman.Exec("c", spec, "m1"));
        Assert.Equal(["exec", "c", "true"], Docker.Exec("c", new ExecSpec { Command = ["true"] }, null));
    }
}
