using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

/// <summary>
/// Validates the project's <c>AppleContainerImage</c> items and resolves them to absolute paths and image references
/// (ACTR4xxx for invalid items). Touches no container runtime, so it is safe in design-time builds.
/// </summary>
public sealed partial class ResolveAppleContainerImages
{
    /// <summary>
    /// The declared images. Identity: the image name (<c>web</c>). Metadata: <c>Context</c> (default: the Dockerfile's
    /// folder, else a folder named like the image), <c>Dockerfile</c> (default: <c>Context/Dockerfile</c>), <c>Tag</c>
    /// (default: <c>localhost/&lt;name&gt;:latest</c>), <c>AdditionalTags</c>, <c>BuildArgs</c> and <c>Labels</c>
    /// (<c>KEY=VALUE</c> lists separated by <c>;</c>), <c>TargetStage</c> (the <c>--target</c> stage; MSBuild reserves the name <c>Target</c>), <c>Platform</c>. Relative paths are relative to
    /// the project.
    /// </summary>
    [Required]
    public ITaskItem[] Images { get; set; } = [];

    /// <summary>The directory relative paths are resolved against (the project's).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Where the per-image fingerprint and stamp files live (under <c>obj/</c>).</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>Labels (<c>KEY=VALUE;…</c>) put on every image, before each item's own <c>Labels</c>.</summary>
    public string? DefaultLabels { get; set; }

    /// <summary>The valid images with resolved metadata (see <c>ResolvedImageItem</c>).</summary>
    [Output]
    public ITaskItem[] ResolvedImages { get; private set; } = [];
}
