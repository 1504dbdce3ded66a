namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>What a runtime reports about one named volume.</summary>
/// <param name="Name">The volume name.</param>
internal sealed record VolumeInfo(string Name)
{
    /// <summary>Labels, decoded by <see cref="LabelCodec"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
