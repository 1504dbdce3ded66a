namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>What a runtime reports about one container network.</summary>
/// <param name="Name">The network name.</param>
internal sealed record NetworkInfo(string Name)
{
    /// <summary>Labels, decoded by <see cref="LabelCodec"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
