using Aspire.Hosting.AppleContainer.Bridge;
using Microsoft.Build.Framework;
using static Aspire.Hosting.AppleContainer.Tasks.Tests.Support.ImageItems;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>A project folder with one image, <c>web</c>, and the check and build tasks wired to a scripted runtime.</summary>
internal sealed class ImageTaskHarness : IDisposable
{
    public ImageTaskHarness(string dockerfile = "FROM localhost/actr-test/busybox:latest\nCOPY . /app\n")
    {
        Dockerfile = Project.Write("web/Dockerfile", dockerfile);
        Project.Write("web/app.txt", "v1");
        Image = Assert.Single(Resolve(Project, Item("web", ("Tag", "localhost/web:1"), ("BuildArgs", "A=1"), ("Labels", "session=s1"), ("TargetStage", "final"), ("Platform", "linux/amd64"))));
    }

    public TempDirectory Project { get; } = new();

    public ScriptedImageRuntime Runtime { get; } = new();

    public RecordingBuildEngine Engine { get; private set; } = new();

    public ITaskItem Image { get; }

    public string Dockerfile { get; }

    public string FingerprintFile => Image.GetMetadata("FingerprintFile");

    public string StampFile => Image.GetMetadata("StampFile");

    /// <summary>Runs the check task with a fresh engine.</summary>
    public (bool Succeeded, CheckAppleContainerImages Task) Check(bool force = false, Func<CancellationToken, Task<IContainerRuntime>>? select = null)
    {
        Engine = new RecordingBuildEngine();
        var task = new CheckAppleContainerImages { BuildEngine = Engine, Images = [Image], ForceRebuild = force };
        task.SelectRuntime = select ?? (_ => Task.FromResult<IContainerRuntime>(Runtime));
        return (task.Execute(), task);
    }

    /// <summary>Runs the build task with a fresh engine.</summary>
    public bool Build()
    {
        Engine = new RecordingBuildEngine();
        var task = new BuildAppleContainerImage { BuildEngine = Engine, Image = Image };
        task.SelectRuntime = _ => Task.FromResult<IContainerRuntime>(Runtime);
        return task.Execute();
    }

    public void Dispose() => Project.Dispose();
}
