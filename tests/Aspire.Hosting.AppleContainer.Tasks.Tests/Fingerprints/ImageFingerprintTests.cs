using Aspire.Hosting.AppleContainer.Tasks.Fingerprints;
using Aspire.Hosting.AppleContainer.Tasks.Images;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Fingerprints;

public sealed class ImageFingerprintTests : IDisposable
{
    private readonly TempDirectory _context = new();
    private readonly ImageDeclaration _image;

    public ImageFingerprintTests()
    {
        _image = new ImageDeclaration
        {
            Name = "web",
            Identifier = "Web",
            ContextDirectory = _context.Path,
            Dockerfile = _context.Write("Dockerfile", "FROM scratch\n"),
            Reference = new ImageReference("localhost/web", "1"),
            BuildArgs = [new("A", "1")],
        };
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Every_setting_that_shapes_the_image_changes_the_fingerprint()
    {
        var baseline = ImageFingerprint.Compute(_image, "ctx", "podman");
        string[] variants =
        [
            ImageFingerprint.Compute(_image, "ctx2", "podman"),
            ImageFingerprint.Compute(_image, "ctx", "docker"),
            ImageFingerprint.Compute(_image with { BuildArgs = [new("A", "2")] }, "ctx", "podman"),
            ImageFingerprint.Compute(_image with { Target = "final" }, "ctx", "podman"),
            ImageFingerprint.Compute(_image with { Platform = "linux/arm64" }, "ctx", "podman"),
            ImageFingerprint.Compute(_image with { Reference = new ImageReference("localhost/web", "2") }, "ctx", "podman"),
            ImageFingerprint.Compute(_image with { AdditionalTags = ["localhost/web:latest"] }, "ctx", "podman"),
            ImageFingerprint.Compute(_image with { Labels = [new("team", "a")] }, "ctx", "podman"),
        ];

        Assert.Equal(ImageFingerprint.Compute(_image, "ctx", "podman"), baseline);
        Assert.DoesNotContain(baseline, variants);
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Editing_the_Dockerfile_changes_the_fingerprint()
    {
        var before = ImageFingerprint.Compute(_image, "ctx", "podman");
        File.WriteAllText(_image.Dockerfile, "FROM scratch\nLABEL a=b\n");
        Assert.NotEqual(before, ImageFingerprint.Compute(_image, "ctx", "podman"));
    }

    [Fact]
    public void The_order_of_build_arguments_does_not_matter()
    {
        var ab = _image with { BuildArgs = [new("A", "1"), new("B", "2")] };
        var ba = _image with { BuildArgs = [new("B", "2"), new("A", "1")] };
        Assert.Equal(ImageFingerprint.Compute(ab, "ctx", "podman"), ImageFingerprint.Compute(ba, "ctx", "podman"));
    }
}
