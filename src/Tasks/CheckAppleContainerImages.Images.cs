using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;
using Aspire.Hosting.AppleContainer.Tasks.Fingerprints;
using Aspire.Hosting.AppleContainer.Tasks.Images;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

/// <content>Per image: the context hash (no runtime needed) and the fingerprint and stamp files (for a runtime).</content>
public sealed partial class CheckAppleContainerImages
{
    /// <summary>The image's context hash, or null (with an error logged) when the context cannot be read.</summary>
    private ImageContext? HashContext(ITaskItem item)
    {
        var image = ResolvedImageItem.Read(item);
        try
        {
            var matcher = DockerIgnoreMatcher.Empty;
            if (DockerIgnoreFile.Locate(image.ContextDirectory, image.Dockerfile) is { } ignoreFile)
            {
                matcher = DockerIgnoreFile.Parse(File.ReadAllText(ignoreFile), out var line, out var pattern);
                if (pattern is not null)
                {
                    Post(() => Log.CodedError("InvalidDockerIgnore", ignoreFile, line, pattern));
                    return null;
                }
            }

            return new ImageContext(item, image, ContextHasher.Hash(image.ContextDirectory, matcher));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Post(() => Log.CodedError("ContextUnreadable", null, 0, image.Name, ex.Message));
            return null;
        }
    }

    /// <summary>
    /// Rewrites the fingerprint file when the fingerprint for <paramref name="runtimeName"/> changed, and deletes the
    /// stamp when it no longer matches or <see cref="ForceRebuild"/> is set. True when the stamp still matches: the
    /// image is built unless the runtime lost it.
    /// </summary>
    private bool Refresh(ImageContext context, string runtimeName)
    {
        var fingerprint = ImageFingerprint.Compute(context.Image, context.Hash, runtimeName);
        var fingerprintFile = ResolvedImageItem.FingerprintFile(context.Item);
        var stampFile = ResolvedImageItem.StampFile(context.Item);
        Directory.CreateDirectory(Path.GetDirectoryName(fingerprintFile)!);
        if (!File.Exists(fingerprintFile) || File.ReadAllText(fingerprintFile) != fingerprint)
        {
            File.WriteAllText(fingerprintFile, fingerprint);
        }

        if (!File.Exists(stampFile))
        {
            return false;
        }

        if (ForceRebuild)
        {
            Post(() => Log.Message(MessageImportance.Normal, "ForcingRebuild", context.Image.Name));
            File.Delete(stampFile);
            return false;
        }

        if (File.ReadAllText(stampFile) != fingerprint)
        {
            File.Delete(stampFile);
            return false;
        }

        return true;
    }

    /// <summary>A resolved image with its context hash.</summary>
    private sealed record ImageContext(ITaskItem Item, ImageDeclaration Image, string Hash);
}
