namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A named volume to create.</summary>
/// <param name="Name">The volume name.</param>
internal sealed record VolumeSpec(string Name)
{
    /// <summary>Labels set on the volume.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
