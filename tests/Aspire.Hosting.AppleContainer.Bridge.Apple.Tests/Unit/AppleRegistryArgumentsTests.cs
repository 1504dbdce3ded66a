namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>
/// Golden argv of the registry and archive verbs (Sources/ContainerCommands/Image and Registry @1.2.2). Apple's own
/// <c>--scheme auto</c> is applied to the domain with its port (RequestScheme.swift@1.2.2, ClientImage.swift@1.2.2:384-393),
/// so the bridge passes <c>--scheme http</c> for an internal host and otherwise leaves Apple's default.
/// </summary>
public sealed class AppleRegistryArgumentsTests
{
    [Fact]
    public void Tag_is_image_tag_source_target()
    {
        Assert.Equal(["image", "tag", "localhost/a:1", "127.0.0.1:5000/a:1"], AppleArguments.ImageTag("localhost/a:1", "127.0.0.1:5000/a:1"));
    }

    [Theory]
    [InlineData("127.0.0.1:5000/app:1")]
    [InlineData("localhost:5000/app:1")]
    [InlineData("10.0.0.7/app:1")]
    [InlineData("192.168.64.1:5000/team/app:1")]
    public void An_internal_registry_is_pushed_to_pulled_from_and_logged_in_to_over_plain_http(string image)
    {
        var registry = image[..image.IndexOf('/', StringComparison.Ordinal)];

        Assert.Equal(["image", "push", "--progress", "plain", "--scheme", "http", image], AppleArguments.ImagePush(image));
        Assert.Equal(["image", "pull", "--progress", "plain", "--scheme", "http", "--platform", "linux/arm64", image], AppleArguments.ImagePull(image, "linux/arm64"));
        Assert.Equal(["registry", "login", "--username", "u", "--password-stdin", "--scheme", "http", registry], AppleArguments.RegistryLogin(registry, "u"));
    }

    [Theory]
    [InlineData("registry.example.com/app:1")]
    [InlineData("ghcr.io/org/app:1")]
    [InlineData("172.32.0.1:5000/app:1")]
    [InlineData("docker.io/library/busybox:latest")]
    public void Any_other_registry_keeps_apples_default_scheme(string image)
    {
        var registry = image[..image.IndexOf('/', StringComparison.Ordinal)];

        Assert.Equal(["image", "push", "--progress", "plain", image], AppleArguments.ImagePush(image));
        Assert.Equal(["image", "pull", "--progress", "plain", "--platform", "linux/arm64", image], AppleArguments.ImagePull(image, "linux/arm64"));
        Assert.Equal(["registry", "login", "--username", "u", "--password-stdin", registry], AppleArguments.RegistryLogin(registry, "u"));
    }

    [Fact]
    public void Save_writes_every_reference_to_one_output_and_load_reads_an_input()
    {
        Assert.Equal(["image", "save", "--output", "/tmp/a.tar", "localhost/a:1", "localhost/b:2"], AppleArguments.ImageSave(["localhost/a:1", "localhost/b:2"], "/tmp/a.tar"));
        Assert.Equal(["image", "load", "--input", "/tmp/a.tar"], AppleArguments.ImageLoad("/tmp/a.tar"));
    }
}
