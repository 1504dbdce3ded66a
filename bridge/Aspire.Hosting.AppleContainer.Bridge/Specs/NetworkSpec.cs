namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A container network to create: a bridge network on which containers resolve each other by name and alias where the runtime has DNS for it.</summary>
/// <param name="Name">The network name.</param>
internal sealed record NetworkSpec(string Name)
{
    /// <summary>Labels set on the network.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
