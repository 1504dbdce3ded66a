using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>Golden argv of the registry and archive verbs, with the internal-host rule (podman only takes a flag for it).</summary>
public sealed class OciRegistryArgumentsTests
{
    private static readonly OciArguments Podman = new(OciFlavor.Podman);
    private static readonly OciArguments Docker = new(OciFlavor.Docker);

    [Fact]
    public void Tag_is_image_tag_source_target_on_both_flavors()
    {
        Assert.Equal(["image", "tag", "localhost/a:1", "127.0.0.1:5000/a:1"], Podman.Tag("localhost/a:1", "127.0.0.1:5000/a:1"));
        Assert.Equal(["image", "tag", "localhost/a:1", "127.0.0.1:5000/a:1"], Docker.Tag("localhost/a:1", "127.0.0.1:5000/a:1"));
    }

    [Theory]
    [InlineData("127.0.0.1:5000/app:1")]
    [InlineData("localhost:5000/team/app:1")]
    [InlineData("localhost/app:1")]
    [InlineData("10.1.2.3:443/app:1")]
    [InlineData("172.20.0.5/app:1")]
    [InlineData("192.168.1.10:5000/app@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public void Podman_pushes_pulls_and_logs_in_to_an_internal_registry_without_tls_verification(string image)
    {
        var registry = image[..image.IndexOf('/', StringComparison.Ordinal)];

        Assert.Equal(["push", "--tls-verify=false", image], Podman.Push(image));
        Assert.Equal(["pull", "--tls-verify=false", image], Podman.Pull(image));
        Assert.Equal(["pull", "--tls-verify=false", "--platform", "linux/amd64", image], Podman.Pull(image, "linux/amd64"));
        Assert.Equal(["login", "--username", "u", "--password-stdin", "--tls-verify=false", registry], Podman.Login(registry, "u"));
    }

    [Theory]
    [InlineData("registry.example.com/app:1")]
    [InlineData("ghcr.io/org/app:1")]
    [InlineData("172.32.0.1:5000/app:1")]
    [InlineData("localhost.example.com/app:1")]
    [InlineData("busybox")]
    [InlineData("oci-archive:/tmp/image.tar")]
    public void Podman_verifies_tls_for_every_other_registry(string image)
    {
        Assert.Equal(["push", image], Podman.Push(image));
        Assert.Equal(["pull", image], Podman.Pull(image));
    }

    [Theory]
    [InlineData("127.0.0.1:5000/app:1")]
    [InlineData("192.168.1.10:5000/app:1")]
    [InlineData("registry.example.com/app:1")]
    public void Docker_takes_no_per_call_flag_its_daemon_decides_which_registries_are_insecure(string image)
    {
        Assert.Equal(["push", image], Docker.Push(image));
        Assert.Equal(["pull", image], Docker.Pull(image));
        Assert.Equal(["login", "--username", "u", "--password-stdin", "127.0.0.1:5000"], Docker.Login("127.0.0.1:5000", "u"));
    }

    [Fact]
    public void The_login_argv_never_holds_a_password()
    {
        Assert.DoesNotContain(Podman.Login("127.0.0.1:5000", "u"), a => a.Contains("password", StringComparison.Ordinal) && a != "--password-stdin");
        Assert.Contains("--password-stdin", Docker.Login("r.example.com", "u"));
    }

    [Fact]
    public void Podman_saves_a_docker_archive_and_several_images_as_a_multi_image_archive()
    {
        Assert.Equal(["save", "--output", "/tmp/a.tar", "--format", "docker-archive", "localhost/a:1"], Podman.Save(["localhost/a:1"], "/tmp/a.tar"));
        Assert.Equal(
            ["save", "--output", "/tmp/a.tar", "--format", "docker-archive", "--multi-image-archive", "localhost/a:1", "localhost/b:2"],
            Podman.Save(["localhost/a:1", "localhost/b:2"], "/tmp/a.tar"));
    }

    [Fact]
    public void Docker_saves_several_images_in_its_own_archive()
    {
        Assert.Equal(["save", "--output", "/tmp/a.tar", "localhost/a:1", "localhost/b:2"], Docker.Save(["localhost/a:1", "localhost/b:2"], "/tmp/a.tar"));
    }

    [Fact]
    public void Load_reads_the_archive_from_a_file_on_both_flavors()
    {
        Assert.Equal(["load", "--input", "/tmp/a.tar"], Podman.Load("/tmp/a.tar"));
        Assert.Equal(["load", "--input", "/tmp/a.tar"], Docker.Load("/tmp/a.tar"));
    }
}
