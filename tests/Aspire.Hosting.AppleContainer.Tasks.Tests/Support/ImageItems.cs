using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>Builds <c>AppleContainerImage</c> items and runs them through <see cref="ResolveAppleContainerImages"/>.</summary>
internal static class ImageItems
{
    public static ITaskItem Item(string name, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(name);
        foreach (var (key, value) in metadata)
        {
            item.SetMetadata(key, value);
        }

        return item;
    }

    /// <summary>Resolves the items against <paramref name="project"/>, failing the test on any logged error.</summary>
    public static ITaskItem[] Resolve(TempDirectory project, params ITaskItem[] items)
    {
        var engine = new RecordingBuildEngine();
        var task = new ResolveAppleContainerImages
        {
            BuildEngine = engine,
            Images = items,
            ProjectDirectory = project.Path,
            StateDirectory = "obj/AppleContainer",
        };
        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        return task.ResolvedImages;
    }
}
