using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Microsoft.Build.Framework;
using static Aspire.Hosting.AppleContainer.Tasks.Tests.Support.ImageItems;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// A project folder with images (<c>web</c> by default, tagged <c>localhost/&lt;name&gt;:1</c>) and the check and
/// build tasks wired to scripted runtimes. Selection (detection) returns <see cref="Runtime"/> and is counted; the
/// remembered runtime is recalled by the bridge's own rules (<see cref="ContainerRuntimeSelector.Recall"/> against
/// <see cref="Settings"/> and PATH) and then played by <see cref="RecalledRuntime"/>.
/// </summary>
internal sealed class ImageTaskHarness : IDisposable
{
    public ImageTaskHarness(string dockerfile = "FROM localhost/actr-test/busybox:latest\nCOPY . /app\n", params string[] names)
    {
        names = names.Length == 0 ? ["web"] : names;
        foreach (var name in names)
        {
            Project.Write($"{name}/Dockerfile", dockerfile);
            Project.Write($"{name}/app.txt", "v1");
        }

        Dockerfile = Path.Combine(Project.Path, names[0], "Dockerfile");
        Images = Resolve(Project, [.. names.Select(name => Item(name, ("Tag", $"localhost/{name}:1"), ("BuildArgs", "A=1;LIST=a%3Bb"), ("Labels", "session=s1"), ("TargetStage", "final"), ("Platform", "linux/amd64")))]);
        Assert.Equal(names.Length, Images.Length);
        Cli = InstallCli("podman");
        RecalledRuntime = Runtime;
    }

    public TempDirectory Project { get; } = new();

    /// <summary>The runtime selection finds.</summary>
    public ScriptedImageRuntime Runtime { get; } = new();

    /// <summary>The runtime a recalled memory gives (<see cref="Runtime"/> unless a test replaces it).</summary>
    public ScriptedImageRuntime RecalledRuntime { get; set; }

    /// <summary>The selection settings (environment variables) the check task reads.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The CLI path selection reports (an executable file in the project folder).</summary>
    public string Cli { get; set; }

    /// <summary>How many times the check task ran selection (detection).</summary>
    public int Selections => _selections.Count;

    public RecordingBuildEngine Engine { get; private set; } = new();

    public ITaskItem[] Images { get; }

    public ITaskItem Image => Images[0];

    public string Dockerfile { get; }

    public string RuntimeMemoryFile => Path.Combine(Project.Path, "obj", "AppleContainer", "runtime.json");

    public string FingerprintFile => Image.GetMetadata("FingerprintFile");

    public string StampFile => Image.GetMetadata("StampFile");

    private readonly ConcurrentQueue<RuntimeSelectionOptions> _selections = new();

    /// <summary>Writes an executable file named <paramref name="name"/> under the project's <c>cli/</c> folder.</summary>
    public string InstallCli(string name, string content = "#!/bin/sh\n")
    {
        var path = Project.Write(Path.Combine("cli", name), content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>Runs the check task with a fresh engine; <paramref name="select"/> replaces selection's outcome.</summary>
    public (bool Succeeded, CheckAppleContainerImages Task) Check(bool force = false, Func<CancellationToken, Task<IContainerRuntime>>? select = null)
    {
        Engine = new RecordingBuildEngine();
        var task = new CheckAppleContainerImages { BuildEngine = Engine, Images = Images, ForceRebuild = force, RuntimeMemoryFile = RuntimeMemoryFile };
        task.ReadSetting = name => Settings.GetValueOrDefault(name);
        task.SelectRemembering = async (options, cancellationToken) =>
        {
            _selections.Enqueue(options);
            var runtime = await (select ?? (_ => Task.FromResult<IContainerRuntime>(Runtime)))(cancellationToken);
            return new RuntimeSelection(runtime, new RememberedRuntime(runtime.Name, Cli, ContainerRuntimeSelector.DescribeInputs(options)));
        };
        task.Recall = (memory, options) => ContainerRuntimeSelector.Recall(memory, options) is null ? null : RecalledRuntime;
        return (task.Execute(), task);
    }

    /// <summary>Runs the build task for one image (the first by default) with a fresh engine.</summary>
    public bool Build(ITaskItem? image = null)
    {
        Engine = new RecordingBuildEngine();
        var task = new BuildAppleContainerImage { BuildEngine = Engine, Image = image ?? Image };
        task.SelectRuntime = _ => Task.FromResult<IContainerRuntime>(Runtime);
        return task.Execute();
    }

    public void Dispose() => Project.Dispose();
}
