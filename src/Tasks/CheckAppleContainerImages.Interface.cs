using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

/// <summary>
/// Decides which images need the builder. It selects the runtime (as the integration does), computes each image's
/// fingerprint (Dockerfile, context after <c>.dockerignore</c>, args, target, platform, tags, labels, runtime) and
/// rewrites its fingerprint file only when it changed; it deletes the stamp of an image that is gone from the runtime,
/// whose stamp does not match, or when <see cref="ForceRebuild"/> is set. The build target then runs only for images
/// whose stamp is missing or older than their fingerprint. With <see cref="RuntimeMemoryFile"/>, a build whose
/// selection inputs did not change reuses the runtime an earlier build selected without detecting it, and asks it
/// about every image in one query; if that runtime no longer answers, it selects again.
/// </summary>
public sealed partial class CheckAppleContainerImages
{
    /// <summary>The resolved images (<c>ResolveAppleContainerImages.ResolvedImages</c>).</summary>
    [Required]
    public ITaskItem[] Images { get; set; } = [];

    /// <summary>Rebuild every image (deletes every stamp).</summary>
    public bool ForceRebuild { get; set; }

    /// <summary>
    /// Where the selected runtime is remembered between builds (under <c>obj/</c>); when empty, every build detects
    /// the runtime.
    /// </summary>
    public string? RuntimeMemoryFile { get; set; }

    /// <summary>The selected runtime's name; empty when no runtime is usable (a warning is logged and nothing is built).</summary>
    [Output]
    public string RuntimeName { get; private set; } = string.Empty;
}
