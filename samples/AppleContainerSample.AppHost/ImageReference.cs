namespace AppleContainerSample.AppHost;

/// <summary>An image reference split into repository and tag, as <c>AddAppleContainer</c> takes them.</summary>
/// <param name="Repository">The repository, registry included (e.g. <c>docker.io/library/redis</c>).</param>
/// <param name="Tag">The tag (<c>latest</c> when the reference names none).</param>
internal sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>Splits <paramref name="reference"/> at the tag's colon, which comes after the last slash (a registry's port does not).</summary>
    /// <param name="reference">An image reference such as <c>docker.io/library/redis:7.4</c> or <c>localhost:5000/redis</c>.</param>
    /// <returns>The repository and tag.</returns>
    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/')
            ? new ImageReference(reference[..colon], reference[(colon + 1)..])
            : new ImageReference(reference, "latest");
    }
}
