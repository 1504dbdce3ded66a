namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>Shared steps of <see cref="IContainerRuntime.FindImagesAsync"/>: the references to ask about, and asking one by one.</summary>
internal static class ImageQuery
{
    /// <summary>No image references.</summary>
    public static IReadOnlySet<string> None { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The valid, distinct references in their first order; <see cref="BridgeErrorCode.InvalidSpec"/> for an invalid one.</summary>
    public static IReadOnlyList<string> Distinct(IReadOnlyCollection<string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var distinct = images.Distinct(StringComparer.Ordinal).ToList();
        foreach (var image in distinct)
        {
            RunSpecValidator.ValidateImageReference(image);
        }

        return distinct;
    }

    /// <summary>All of <paramref name="images"/>, as the answer when every one exists.</summary>
    public static IReadOnlySet<string> All(IReadOnlyList<string> images) => new HashSet<string>(images, StringComparer.Ordinal);

    /// <summary>Asks <see cref="IContainerRuntime.ImageExistsAsync"/> about each image, concurrently.</summary>
    public static async Task<IReadOnlySet<string>> OneByOneAsync(IContainerRuntime runtime, IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        var exists = await Task.WhenAll(images.Select(image => runtime.ImageExistsAsync(image, cancellationToken))).ConfigureAwait(false);
        return new HashSet<string>(images.Where((_, index) => exists[index]), StringComparer.Ordinal);
    }
}
