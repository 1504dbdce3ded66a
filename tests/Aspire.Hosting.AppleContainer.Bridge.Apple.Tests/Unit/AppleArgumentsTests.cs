namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>Golden argv for every operation (flags from apple/container 1.0.0 Flags.swift and Sources/ContainerCommands).</summary>
public sealed class AppleArgumentsTests
{
    [Fact]
    public void Create_puts_every_option_in_Apple_flags_and_no_environment_on_the_argv()
    {
        var bind = Directory.CreateTempSubdirectory("actr-c-bind").FullName;
        try
        {
            var spec = new RunSpec
            {
                Name = "web",
                Image = "docker.io/library/nginx:latest",
                Entrypoint = ["/bin/sh", "-c"],
                Args = ["echo hi"],
                Environment = new Dictionary<string, string> { ["PLAIN"] = "visible?" },
                WorkingDirectory = "/srv",
                User = "1000:1000",
                Ports = [new PortMapping(80, 8080), new PortMapping(53, 5353, "::1", PortProtocol.Udp)],
                Mounts = [new MountSpec(MountKind.Bind, bind, "/site", ReadOnly: true), new MountSpec(MountKind.Volume, "data", "/data"), new MountSpec(MountKind.Tmpfs, null, "/cache")],
                Labels = new Dictionary<string, string> { ["Aspire.Resource"] = "web", ["session"] = "a=b" },
                Cpus = 2,
                MemoryBytes = (512L * 1024 * 1024) + 1,
                Network = "default",
                Dns = ["192.168.64.1"],
                Init = true,
                Platform = "linux/arm64",
                ReadOnlyRootFilesystem = true,
            };

            var argv = AppleArguments.Create(spec, "/tmp/env-file");

            Assert.Equal(
                [
                    "create", "--name", "web", "--entrypoint", "/bin/sh", "--env-file", "/tmp/env-file", "--workdir", "/srv", "--user", "1000:1000",
                    "--publish", "127.0.0.1:8080:80/tcp", "--publish", "[::1]:5353:53/udp",
                    "--mount", $"type=bind,source={bind},target=/site,readonly", "--mount", "type=volume,source=data,target=/data", "--mount", "type=tmpfs,target=/cache",
                    "--label", "aspire.resource=web", "--label", "session=b64.YT1i",
                    "--cpus", "2", "--memory", "513M", "--network", "default", "--dns", "192.168.64.1", "--init", "--platform", "linux/arm64", "--read-only",
                    "docker.io/library/nginx:latest", "-c", "echo hi",
                ],
                argv);
            Assert.DoesNotContain(argv, a => a.Contains("visible?", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(bind);
        }
    }

    [Fact]
    public void A_persistent_container_is_marked_so_that_any_later_process_starts_it_detached()
    {
        var persistent = AppleArguments.Create(new RunSpec { Name = "db", Image = "redis:7", Persistent = true }, null);
        var session = AppleArguments.Create(new RunSpec { Name = "db", Image = "redis:7" }, null);

        Assert.Equal(["create", "--name", "db", "--label", "io.aspire.applecontainer.bridge.persistent=true", "redis:7"], persistent);
        Assert.Equal(["create", "--name", "db", "redis:7"], session);
        Assert.True(AppleArguments.IsPersistent(new Dictionary<string, string> { [AppleArguments.PersistentLabel] = "true" }));
        Assert.False(AppleArguments.IsPersistent(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(System.Runtime.InteropServices.Architecture.Arm64, "linux/arm64")]
    [InlineData(System.Runtime.InteropServices.Architecture.X64, "linux/amd64")]
    public void A_pull_without_a_platform_asks_for_the_hosts_rather_than_every_platform(System.Runtime.InteropServices.Architecture architecture, string platform)
    {
        // ImagePull.swift@1.2.2:73 with no --platform resolves to nil (DefaultPlatform.swift:75-92): every platform is pulled.
        Assert.Equal(platform, new AppleHostPlatform(true, new Version(26, 0), architecture).LinuxPlatform);
    }

    [Fact]
    public void Lifecycle_verbs_take_one_id_and_Apple_flag_names()
    {
        Assert.Equal(["start", "--attach", "web"], AppleArguments.StartAttached("web"));
        Assert.Equal(["start", "web"], AppleArguments.Start("web"));
        Assert.Equal(["stop", "--time", "3", "web"], AppleArguments.Stop("web", TimeSpan.FromMilliseconds(2001)));
        Assert.Equal(["stop", "--time", "0", "web"], AppleArguments.Stop("web", TimeSpan.Zero));
        Assert.Equal(["kill", "--signal", "KILL", "web"], AppleArguments.Kill("web", null));
        Assert.Equal(["kill", "--signal", "TERM", "web"], AppleArguments.Kill("web", "TERM"));
        Assert.Equal(["delete", "--force", "web"], AppleArguments.Delete("web", force: true));
        Assert.Equal(["delete", "web"], AppleArguments.Delete("web", force: false));
        Assert.Equal(["inspect", "web"], AppleArguments.Inspect("web"));
        Assert.Equal(["list", "--all", "--format", "json"], AppleArguments.List());
        Assert.Equal(["logs", "--follow", "web"], AppleArguments.Logs("web", follow: true));
        Assert.Equal(["logs", "web"], AppleArguments.Logs("web", follow: false));
    }

    [Fact]
    public void Exec_passes_stdin_only_when_given_and_environment_through_a_file()
    {
        var spec = new ExecSpec { Command = ["sh", "-c", "cat"], StandardInput = "x", WorkingDirectory = "/tmp", User = "1234" };

        Assert.Equal(["exec", "--interactive", "--env-file", "/tmp/e", "--workdir", "/tmp", "--user", "1234", "web", "sh", "-c", "cat"], AppleArguments.Exec("web", spec, "/tmp/e"));
        Assert.Equal(["exec", "web", "true"], AppleArguments.Exec("web", new ExecSpec { Command = ["true"] }, null));
    }

    [Fact]
    public void Image_builder_volume_network_and_system_verbs_use_json_output_where_offered()
    {
        Assert.Equal(["--version"], AppleArguments.Version());
        Assert.Equal(["system", "status", "--format", "json"], AppleArguments.SystemStatus());
        Assert.Equal(["image", "inspect", "a:b"], AppleArguments.ImageInspect("a:b"));
        Assert.Equal(["image", "pull", "--progress", "plain", "--platform", "linux/arm64", "a:b"], AppleArguments.ImagePull("a:b", "linux/arm64"));
        Assert.Equal(["image", "delete", "a:b"], AppleArguments.ImageDelete("a:b"));
        Assert.Equal(["builder", "status", "--format", "json"], AppleArguments.BuilderStatus());
        Assert.Equal(["builder", "start"], AppleArguments.BuilderStart());
        Assert.Equal(["volume", "create", "--label", "k=b64.dj13", "data"], AppleArguments.VolumeCreate(new VolumeSpec("data") { Labels = new Dictionary<string, string> { ["K"] = "v=w" } }));
        Assert.Equal(["volume", "list", "--format", "json"], AppleArguments.VolumeList());
        Assert.Equal(["volume", "delete", "data"], AppleArguments.VolumeDelete("data"));
        Assert.Equal(["network", "create", "--label", "k=b64.dj13", "net"], AppleArguments.NetworkCreate(new NetworkSpec("net") { Labels = new Dictionary<string, string> { ["K"] = "v=w" } }));
        Assert.Equal(["network", "list", "--format", "json"], AppleArguments.NetworkList());
        Assert.Equal(["network", "delete", "net"], AppleArguments.NetworkDelete("net"));
        Assert.Equal(["network", "inspect", "default"], AppleArguments.NetworkInspect("default"));
    }

    [Fact]
    public void Build_names_secrets_by_file_never_by_value()
    {
        var spec = new BuildSpec
        {
            ContextDirectory = "/ctx",
            Dockerfile = "/ctx/Dockerfile.dev",
            Tags = ["a:1", "a:latest"],
            BuildArgs = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" },
            Secrets = new Dictionary<string, string> { ["token"] = "s3cr3t" },
            Labels = new Dictionary<string, string> { ["l"] = "v" },
            Target = "final",
            Platform = "linux/arm64",
            NoCache = true,
        };

        var argv = AppleArguments.Build(spec, new Dictionary<string, string> { ["token"] = "/private/token" }, _ => null);

        Assert.Equal(
            ["build", "--progress", "plain", "--file", "/ctx/Dockerfile.dev", "--tag", "a:1", "--tag", "a:latest", "--build-arg", "A=1", "--build-arg", "B=2",
             "--label", "l=v", "--secret", "id=token,src=/private/token", "--target", "final", "--platform", "linux/arm64", "--no-cache", "/ctx"],
            argv);
        Assert.DoesNotContain(argv, a => a.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_gives_a_build_arg_without_a_value_the_AppHost_environment_value_and_leaves_out_one_the_environment_lacks()
    {
        var spec = new BuildSpec
        {
            ContextDirectory = "/ctx",
            Tags = ["a:1"],
            BuildArgs = new Dictionary<string, string> { ["B"] = "2" },
            BuildArgsFromEnvironment = ["C", "A", "UNSET"],
        };
        var environment = new Dictionary<string, string> { ["A"] = "from-env", ["C"] = "" };

        var argv = AppleArguments.Build(spec, new Dictionary<string, string>(), name => environment.GetValueOrDefault(name));

        Assert.Equal(
            ["build", "--progress", "plain", "--tag", "a:1", "--build-arg", "A=from-env", "--build-arg", "B=2", "--build-arg", "C=", "/ctx"],
            argv);
    }
}
