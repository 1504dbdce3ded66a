using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>
/// The <c>_AppleContainerImage</c> items the targets pass between tasks: an <see cref="ImageDeclaration"/> in
/// metadata, plus the per-image fingerprint and stamp files.
/// </summary>
internal static class ResolvedImageItem
{
    /// <summary>Creates the item for <paramref name="image"/>, with its files under <paramref name="stateDirectory"/>.</summary>
    public static ITaskItem Create(ImageDeclaration image, string stateDirectory)
    {
        var item = new TaskItem(image.Name);
        item.SetMetadata("Identifier", image.Identifier);
        item.SetMetadata("ContextDirectory", image.ContextDirectory);
        item.SetMetadata("DockerfilePath", image.Dockerfile);
        item.SetMetadata("Reference", image.Reference.Value);
        item.SetMetadata("Repository", image.Reference.Repository);
        item.SetMetadata("ImageTag", image.Reference.Tag);
        item.SetMetadata("AdditionalTags", string.Join(";", image.AdditionalTags));
        item.SetMetadata("BuildArgs", Join(image.BuildArgs));
        item.SetMetadata("Labels", Join(image.Labels));
        item.SetMetadata("TargetStage", image.Target ?? string.Empty);
        item.SetMetadata("Platform", image.Platform ?? string.Empty);
        item.SetMetadata("FingerprintFile", Path.Combine(stateDirectory, image.Identifier + ".fingerprint"));
        item.SetMetadata("StampFile", Path.Combine(stateDirectory, image.Identifier + ".stamp"));
        return item;
    }

    /// <summary>Reads the declaration back.</summary>
    public static ImageDeclaration Read(ITaskItem item) => new()
    {
        Name = item.ItemSpec,
        Identifier = item.GetMetadata("Identifier"),
        ContextDirectory = item.GetMetadata("ContextDirectory"),
        Dockerfile = item.GetMetadata("DockerfilePath"),
        Reference = new ImageReference(item.GetMetadata("Repository"), item.GetMetadata("ImageTag")),
        AdditionalTags = Split(item.GetMetadata("AdditionalTags")),
        BuildArgs = Pairs(item, "BuildArgs"),
        Labels = Pairs(item, "Labels"),
        Target = NullIfEmpty(item.GetMetadata("TargetStage")),
        Platform = NullIfEmpty(item.GetMetadata("Platform")),
    };

    /// <summary>The item's fingerprint file.</summary>
    public static string FingerprintFile(ITaskItem item) => item.GetMetadata("FingerprintFile");

    /// <summary>The item's stamp file, written after a successful build.</summary>
    public static string StampFile(ITaskItem item) => item.GetMetadata("StampFile");

    private static string Join(IEnumerable<KeyValuePair<string, string>> pairs) =>
        MetadataList.Join(pairs.Select(pair => $"{pair.Key}={pair.Value}"));

    private static List<string> Split(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries)];

    private static List<KeyValuePair<string, string>> Pairs(ITaskItem item, string name) =>
        [.. MetadataList.Read(item, name).Select(entry => entry.Split('=', 2)).Select(parts => new KeyValuePair<string, string>(parts[0], parts[1]))];

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
