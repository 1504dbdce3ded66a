using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;
using static Aspire.Hosting.AppleContainer.Tasks.Tests.Support.ImageItems;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Tasks;

public sealed class ResolveAppleContainerImagesTests : IDisposable
{
    private readonly TempDirectory _project = new();
    private readonly RecordingBuildEngine _engine = new();

    public ResolveAppleContainerImagesTests() => _project.Write("web/Dockerfile", "FROM scratch\n");

    public void Dispose() => _project.Dispose();

    private bool _succeeded;

    private ResolveAppleContainerImages Run(params Microsoft.Build.Framework.ITaskItem[] items)
    {
        var task = new ResolveAppleContainerImages { BuildEngine = _engine, Images = items, ProjectDirectory = _project.Path, StateDirectory = "obj/ac/", DefaultLabels = "session=s1" };
        _succeeded = task.Execute();
        return task;
    }

    [Fact]
    public void Defaults_give_the_context_folder_named_like_the_image_its_Dockerfile_and_a_localhost_latest_tag()
    {
        var image = Assert.Single(Run(Item("web")).ResolvedImages);
        Assert.True(_succeeded);
        Assert.Equal(Path.Combine(_project.Path, "web"), image.GetMetadata("ContextDirectory"));
        Assert.Equal(Path.Combine(_project.Path, "web", "Dockerfile"), image.GetMetadata("DockerfilePath"));
        Assert.Equal("localhost/web:latest", image.GetMetadata("Reference"));
        Assert.Equal("Web", image.GetMetadata("Identifier"));
        Assert.Equal(Path.Combine(_project.Path, "obj", "ac", "Web.stamp"), image.GetMetadata("StampFile"));
    }

    [Fact]
    public void Metadata_is_resolved_relative_to_the_project_and_labels_combine_with_the_defaults()
    {
        _project.Write("build/web.Dockerfile", "FROM scratch\n");
        var item = Item("my-api", ("Context", "web"), ("Dockerfile", "build/web.Dockerfile"), ("Tag", "localhost:5000/team/api:2"), ("BuildArgs", "A=1; B=x=y"), ("Labels", "team=a"), ("TargetStage", "final"), ("Platform", "linux/arm64"));
        var image = Assert.Single(Run(item).ResolvedImages);
        Assert.Empty(_engine.Errors);
        Assert.Equal("MyApi", image.GetMetadata("Identifier"));
        Assert.Equal(Path.Combine(_project.Path, "build", "web.Dockerfile"), image.GetMetadata("DockerfilePath"));
        Assert.Equal("localhost:5000/team/api", image.GetMetadata("Repository"));
        Assert.Equal("2", image.GetMetadata("ImageTag"));
        Assert.Equal("A=1;B=x=y", image.GetMetadata("BuildArgs"));
        Assert.Equal("session=s1;team=a", image.GetMetadata("Labels"));
        Assert.Equal("final", image.GetMetadata("TargetStage"));
    }

    [Theory]
    [InlineData("ACTR4001", "Context", "missing")]
    [InlineData("ACTR4002", "Dockerfile", "web/Nope.Dockerfile")]
    [InlineData("ACTR4003", "Tag", "localhost/Web:1")]
    [InlineData("ACTR4003", "Tag", "web@sha256:abc")]
    [InlineData("ACTR4005", "BuildArgs", "NOVALUE")]
    [InlineData("ACTR4007", "Labels", "=x")]
    [InlineData("ACTR4009", "Platform", "arm64")]
    public void An_invalid_item_is_a_coded_error_and_is_dropped(string code, string metadata, string value)
    {
        var task = Run(Item("web", (metadata, value)));
        Assert.False(_succeeded);
        Assert.Equal(code, Assert.Single(_engine.Errors).Code);
        Assert.Empty(task.ResolvedImages);
    }

    [Fact]
    public void A_name_without_a_CSharp_identifier_is_ACTR4006()
    {
        Run(Item("web/x", ("Context", "web")));
        Assert.Equal("ACTR4006", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void Two_images_with_the_same_CSharp_name_are_ACTR4004()
    {
        var task = Run(Item("my-web", ("Context", "web")), Item("my_web", ("Context", "web")));
        Assert.Equal("ACTR4004", Assert.Single(_engine.Errors).Code);
        Assert.Single(task.ResolvedImages);
    }
}
