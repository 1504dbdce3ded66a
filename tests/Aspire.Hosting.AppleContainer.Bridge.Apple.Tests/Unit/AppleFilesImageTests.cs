using Aspire.Hosting.AppleContainer.Bridge.Apple;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>The derived image that carries container files on Apple's runtime: its Dockerfile, tag and build argv.</summary>
public sealed class AppleFilesImageTests
{
    [Fact]
    public void The_Dockerfile_adds_the_files_tar_at_the_root_of_the_base_image()
    {
        Assert.Equal("FROM localhost/actr-test/busybox:latest\nADD files.tar /\n", AppleContainerRuntime.FilesDockerfile("localhost/actr-test/busybox:latest"));
    }

    [Fact]
    public void The_tag_is_the_same_for_the_same_inputs_and_changes_with_the_base_image_id_the_platform_or_the_files()
    {
        var tag = AppleContainerRuntime.FilesImageTag("img", "id1", null, "files1");

        Assert.Matches("^localhost/aspire-container-files:[0-9a-f]{32}$", tag);
        Assert.Equal(tag, AppleContainerRuntime.FilesImageTag("img", "id1", null, "files1"));
        Assert.NotEqual(tag, AppleContainerRuntime.FilesImageTag("img", "id2", null, "files1"));
        Assert.NotEqual(tag, AppleContainerRuntime.FilesImageTag("img", "id1", "linux/amd64", "files1"));
        Assert.NotEqual(tag, AppleContainerRuntime.FilesImageTag("img", "id1", null, "files2"));
    }

    [Fact]
    public void The_derived_image_is_built_with_its_tag_its_base_label_and_the_platform_of_the_container()
    {
        var spec = new BuildSpec
        {
            ContextDirectory = "/tmp/actr-files-1",
            Tags = ["localhost/aspire-container-files:0123"],
            Platform = "linux/arm64",
            Labels = new Dictionary<string, string> { [AppleContainerRuntime.FilesImageBaseLabel] = "localhost/actr-test/busybox:latest" },
        };

        Assert.Equal(
            [
                "build", "--progress", "plain", "--tag", "localhost/aspire-container-files:0123",
                "--label", "com.microsoft.aspire.apple-container.files-base=localhost/actr-test/busybox:latest",
                "--platform", "linux/arm64", "/tmp/actr-files-1",
            ],
            AppleArguments.Build(spec, new Dictionary<string, string>(), _ => null));
    }
}
