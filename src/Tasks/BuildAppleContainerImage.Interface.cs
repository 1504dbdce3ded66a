using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

/// <summary>
/// Builds one image through the selected runtime (Apple <c>container build</c>, <c>podman build</c>,
/// <c>docker build</c>) via the bridge. The builder's progress goes to the build log at normal verbosity; a failure
/// becomes an MSBuild error at the Dockerfile line the builder names (ACTR5003/ACTR5004), else the bridge's coded
/// error (ACTR5001, ACTR1004, …). On success it writes the image's stamp (its fingerprint).
/// </summary>
public sealed partial class BuildAppleContainerImage
{
    /// <summary>The image to build (one resolved <c>_AppleContainerImage</c> item).</summary>
    [Required]
    public ITaskItem Image { get; set; } = null!;
}
