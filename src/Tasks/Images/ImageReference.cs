using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>An image reference split into repository and tag, as the generated constants expose it.</summary>
/// <param name="Repository">Everything before the tag, e.g. <c>localhost/web</c>.</param>
/// <param name="Tag">The tag, e.g. <c>latest</c>.</param>
internal sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>The full reference, <c>repository:tag</c>.</summary>
    public string Value => $"{Repository}:{Tag}";

    /// <summary>
    /// Parses a reference; a missing tag is <c>latest</c>. Returns null when the bridge would reject it, when the
    /// repository has upper-case letters (registries refuse them) or when it pins a digest (a build produces a tag).
    /// </summary>
    public static ImageReference? TryParse(string text)
    {
        try
        {
            RunSpecValidator.ValidateImageReference(text);
        }
        catch (BridgeException)
        {
            return null;
        }

        var slash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        var reference = colon > slash ? new ImageReference(text[..colon], text[(colon + 1)..]) : new ImageReference(text, "latest");
        var isLowerCase = string.Equals(reference.Repository, reference.Repository.ToLowerInvariant(), StringComparison.Ordinal);
        return isLowerCase && !text.Contains('@', StringComparison.Ordinal) ? reference : null;
    }
}
