using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests;

public sealed class RunSpecValidatorTests
{
    private static readonly RuntimeCapabilities Strict = OciCapabilities.For(OciFlavor.Podman, serviceIsLocalLinux: true) with
    {
        RequiresExplicitHostPort = true,
        SupportsFractionalCpus = false,
        SupportsTmpfs = false,
        SupportsNetworkAliases = false,
        RejectsPrivilegedPortsOnLoopback = true,
    };

    private static RunSpec Valid() => new() { Name = "web-1", Image = "localhost/app:1" };

    private static ContainerFileSet Files(string destination, params ContainerFileEntry[] entries) => new() { Destination = destination, Entries = entries };

    private static ContainerFileEntry File(string name) => new() { Name = name };

    [Fact]
    public void Files_with_a_directory_a_link_and_explicit_owners_and_modes_are_valid()
    {
        RunSpecValidator.Validate(Valid() with
        {
            Files =
            [
                Files("/dest/", File("f") with { Mode = 0b110_000_000, Owner = 999, Contents = new byte[] { 1 } }, File("d") with
                {
                    Kind = ContainerFileKind.Directory,
                    Entries = [File("l") with { Kind = ContainerFileKind.Symlink, LinkTarget = "./f" }, File("s") with { SourcePath = "/etc/hosts" }],
                }) with { Umask = 0b000_010_111, DefaultOwner = 5 },
            ],
        });
    }

    public static IEnumerable<object[]> InvalidSpecs() => new TheoryData<string, RunSpec>
    {
        { "name", Valid() with { Name = "-bad" } },
        { "image", Valid() with { Image = "bad image" } },
        { "entrypoint", Valid() with { Entrypoint = [] } },
        { "environment", Valid() with { Environment = new Dictionary<string, string> { ["A=B"] = "x" } } },
        { "environment", Valid() with { Environment = new Dictionary<string, string> { ["A"] = "1" }, SecretEnvironment = new Dictionary<string, string> { ["A"] = "2" } } },
        { "environment", Valid() with { SecretEnvironment = new Dictionary<string, string> { ["S"] = "line\nbreak" } } },
        { "publish", Valid() with { Ports = [new PortMapping(0)] } },
        { "publish", Valid() with { Ports = [new PortMapping(80, 8080), new PortMapping(81, 8080)] } },
        { "publish", Valid() with { Ports = [new PortMapping(80, 8080, "localhost")] } },
        { "files", Valid() with { Files = [Files("relative", File("f"))] } },
        { "files", Valid() with { Files = [Files("/a/../etc", File("f"))] } },
        { "files", Valid() with { Files = [Files("/dest")] } },
        { "files", Valid() with { Files = [Files("/dest", File("../f"))] } },
        { "files", Valid() with { Files = [Files("/dest", File("/f"))] } },
        { "files", Valid() with { Files = [Files("/dest", File("f") with { Mode = 0b1_000_000_000_000 })] } },
        { "files", Valid() with { Files = [Files("/dest", File("f")) with { Umask = 0b1_000_000_000 }] } },
        { "files", Valid() with { Files = [Files("/dest", File("f") with { Owner = -1 })] } },
        { "files", Valid() with { Files = [Files("/dest", File("f") with { Contents = new byte[] { 1 }, SourcePath = "/etc/hosts" })] } },
        { "files", Valid() with { Files = [Files("/dest", File("f") with { SourcePath = "relative" })] } },
        { "files", Valid() with { Files = [Files("/dest", File("d") with { Kind = ContainerFileKind.Directory, Contents = new byte[] { 1 } })] } },
        { "files", Valid() with { Files = [Files("/dest", File("l") with { Kind = ContainerFileKind.Symlink })] } },
        { "files", Valid() with { Files = [Files("/dest", File("d") with { Kind = ContainerFileKind.Directory, Entries = [File("..")] })] } },
        { "mount", Valid() with { Mounts = [new MountSpec(MountKind.Bind, "relative", "/x")] } },
        { "mount", Valid() with { Mounts = [new MountSpec(MountKind.Tmpfs, null, "relative")] } },
        { "cpus", Valid() with { Cpus = 0 } },
        { "memory", Valid() with { MemoryBytes = 1024 } },
        { "workdir", Valid() with { WorkingDirectory = "srv" } },
        { "dns", Valid() with { Dns = ["not-an-ip"] } },
        { "args", Valid() with { Args = ["--pass"], SecretArgs = [1] } },
        { "args", Valid() with { Args = ["a", "b"], SecretArgs = [1, 1] } },
        { "args", Valid() with { Args = ["--pass", "nul\0value"], SecretArgs = [1] } },
    };

    [Fact]
    public void A_spec_whose_secret_arguments_point_into_its_arguments_is_valid_and_no_message_shows_a_secret()
    {
        RunSpecValidator.Validate(Valid() with { Args = ["--user", "a", "--pass", "s3cret"], SecretArgs = [3] });

        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.Validate(Valid() with { Args = ["--pass", "s3cret\0"], SecretArgs = [1] }));
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    internal void Invalid_specs_fail_with_invalid_spec_naming_the_option(string option, RunSpec spec)
    {
        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.Validate(spec));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal(option, error.Option);
    }

    public static IEnumerable<object[]> UnsupportedSpecs() => new TheoryData<string, RunSpec>
    {
        { "cpus", Valid() with { Cpus = 1.5 } },
        { "tmpfs", Valid() with { Mounts = [new MountSpec(MountKind.Tmpfs, null, "/t")] } },
        { "network-alias", Valid() with { NetworkAliases = ["web"] } },
        { "publish", Valid() with { Ports = [new PortMapping(80)] } },
        { "publish", Valid() with { Ports = [new PortMapping(80, 80)] } },
    };

    [Theory]
    [MemberData(nameof(UnsupportedSpecs))]
    internal void Options_a_runtime_cannot_honour_fail_with_unsupported_option(string option, RunSpec spec)
    {
        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.ValidateFor(spec, Strict, "strict"));

        Assert.Equal(BridgeErrorCode.UnsupportedOption, error.Code);
        Assert.Equal(option, error.Option);
        Assert.Equal("strict", error.Runtime);
    }

    [Fact]
    public void The_oci_capabilities_accept_everything_the_strict_runtime_rejects()
    {
        var spec = Valid() with
        {
            Cpus = 1.5,
            Mounts = [new MountSpec(MountKind.Tmpfs, null, "/t")],
            NetworkAliases = ["web"],
            Ports = [new PortMapping(80), new PortMapping(81, 80)],
        };

        Assert.Equal(BridgeErrorCode.UnsupportedOption, Assert.Throws<BridgeException>(() => RunSpecValidator.ValidateFor(spec, Strict, "strict")).Code);
        Assert.Null(Record.Exception(() => RunSpecValidator.ValidateFor(spec, OciCapabilities.For(OciFlavor.Docker, serviceIsLocalLinux: true), "docker")));
    }

    [Fact]
    public void Only_a_local_linux_podman_declares_exec_cancellation()
    {
        Assert.True(OciCapabilities.For(OciFlavor.Podman, serviceIsLocalLinux: true).SupportsExecCancellation);
        Assert.False(OciCapabilities.For(OciFlavor.Podman, serviceIsLocalLinux: false).SupportsExecCancellation);
        Assert.False(OciCapabilities.For(OciFlavor.Docker, serviceIsLocalLinux: true).SupportsExecCancellation);
    }
}
