using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;
using static Aspire.Hosting.AppleContainer.Tasks.Tests.Support.ImageItems;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Tasks;

public sealed class WriteAppleContainerImageConstantsTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    private string Write(string? @namespace = null)
    {
        _project.Write("web/Dockerfile", "FROM scratch\n");
        var images = Resolve(_project, Item("web", ("Tag", "localhost/web:dev")), Item("my-api", ("Context", "web")));
        var output = Path.Combine(_project.Path, "obj", "AppleContainerImages.g.cs");
        var task = new WriteAppleContainerImageConstants { BuildEngine = new RecordingBuildEngine(), Images = images, OutputFile = output, Namespace = @namespace };
        Assert.True(task.Execute());
        return output;
    }

    [Fact]
    public void Each_image_gets_a_class_with_its_repository_tag_and_reference()
    {
        var code = File.ReadAllText(Write());
        Assert.Contains("internal static class Web", code, StringComparison.Ordinal);
        Assert.Contains("internal const string Image = \"localhost/web\";", code, StringComparison.Ordinal);
        Assert.Contains("internal const string Tag = \"dev\";", code, StringComparison.Ordinal);
        Assert.Contains("internal const string Reference = \"localhost/web:dev\";", code, StringComparison.Ordinal);
        Assert.Contains("internal static class MyApi", code, StringComparison.Ordinal);
        Assert.Contains("internal const string Reference = \"localhost/my-api:latest\";", code, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace", code, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_file_is_not_rewritten_so_the_compiler_does_not_run_again()
    {
        var output = Write();
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(output, written);
        Write();
        Assert.Equal(written, File.GetLastWriteTimeUtc(output));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_a_coded_error_not_an_exception()
    {
        _project.Write("web/Dockerfile", "FROM scratch\n");
        _project.Write("obj", "a file where the output folder should be");
        var images = Resolve(_project, Item("web", ("Tag", "localhost/web:dev")));
        var engine = new RecordingBuildEngine();
        var task = new WriteAppleContainerImageConstants { BuildEngine = engine, Images = images, OutputFile = Path.Combine(_project.Path, "obj", "AppleContainerImages.g.cs") };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("ACTR4011", error.Code);
        Assert.Contains(nameof(WriteAppleContainerImageConstants), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_is_used_when_given() =>
        Assert.Contains("namespace MyAppHost.Images;", File.ReadAllText(Write("MyAppHost.Images")), StringComparison.Ordinal);
}
