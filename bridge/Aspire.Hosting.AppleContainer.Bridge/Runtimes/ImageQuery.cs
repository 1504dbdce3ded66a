namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// Shared steps of <see cref="IContainerRuntime.FindImagesAsync"/>: the references to ask about, one question about
/// all of them (a dialect's one CLI call) and, when that cannot say which are missing, asking one by one.
/// </summary>
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

    /// <summary>
    /// The references of <paramref name="images"/> that exist. A single one is asked with
    /// <see cref="IContainerRuntime.ImageExistsAsync"/>; several with <paramref name="allExistAsync"/>, the dialect's
    /// one call, which answers whether every one exists (false when some are missing, throwing any other failure),
    /// and, when not all do, one by one.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FindAsync(
        IContainerRuntime runtime,
        IReadOnlyCollection<string> images,
        Func<IReadOnlyList<string>, CancellationToken, Task<bool>> allExistAsync,
        CancellationToken cancellationToken)
    {
        var distinct = Distinct(images);
        if (distinct.Count <= 1)
        {
            return distinct.Count == 0 || !await runtime.ImageExistsAsync(distinct[0], cancellationToken).ConfigureAwait(false) ? None : All(distinct);
        }

        return await allExistAsync(distinct, cancellationToken).ConfigureAwait(false)
            ? All(distinct)
            : await OneByOneAsync(runtime, distinct, cancellationToken).ConfigureAwait(false);
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
