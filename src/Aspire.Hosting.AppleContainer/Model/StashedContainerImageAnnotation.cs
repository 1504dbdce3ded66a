using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Model;

/// <summary>
/// Holds the <see cref="ContainerImageAnnotation"/> removed from a resource in run mode so that DCP never runs it;
/// the orchestrator reads the image from here.
/// </summary>
/// <param name="Image">The removed annotation.</param>
internal sealed record StashedContainerImageAnnotation(ContainerImageAnnotation Image) : IResourceAnnotation
{
    /// <summary>The image reference (<c>[registry/]image[:tag|@sha256:digest]</c>).</summary>
    public string Reference
    {
        get
        {
            var name = string.IsNullOrEmpty(Image.Registry) ? Image.Image : $"{Image.Registry}/{Image.Image}";
            if (!string.IsNullOrEmpty(Image.SHA256))
            {
                return $"{name}@sha256:{Image.SHA256}";
            }

            return string.IsNullOrEmpty(Image.Tag) ? $"{name}:latest" : $"{name}:{Image.Tag}";
        }
    }
}
