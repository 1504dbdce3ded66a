using Aspire.Hosting.AppleContainer.Tasks.Images;

namespace Aspire.Hosting.AppleContainer.Tasks.Fingerprints;

/// <summary>
/// The per-image fingerprint: everything that can change the image a build produces. Equal fingerprints (and an image
/// still present in the runtime) mean the builder need not run.
/// </summary>
internal static class ImageFingerprint
{
    /// <summary>Bumped whenever the fields below change, so that an upgrade rebuilds once.</summary>
    public const string FormatVersion = "actr-image-fingerprint/1";

    /// <summary>Combines an image's settings, its Dockerfile, its context hash and the runtime that builds it.</summary>
    public static string Compute(ImageDeclaration image, string contextHash, string runtimeName)
    {
        using var writer = new FingerprintWriter();
        writer.Add(FormatVersion);
        writer.Add(runtimeName);
        writer.Add(image.ContextDirectory);
        writer.Add(image.Dockerfile);
        writer.AddFile(image.Dockerfile);
        AddList(writer, image.AllTags);
        AddPairs(writer, image.BuildArgs);
        AddPairs(writer, image.Labels);
        writer.Add(image.Target);
        writer.Add(image.Platform);
        writer.Add(contextHash);
        return writer.ToHex();
    }

    private static void AddList(FingerprintWriter writer, IReadOnlyList<string> values)
    {
        writer.AddInt64(values.Count);
        foreach (var value in values)
        {
            writer.Add(value);
        }
    }

    private static void AddPairs(FingerprintWriter writer, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        writer.AddInt64(pairs.Count);
        foreach (var (key, value) in pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Add(key);
            writer.Add(value);
        }
    }
}
