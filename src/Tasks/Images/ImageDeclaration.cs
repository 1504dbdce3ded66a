namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>One image an AppHost declares with an <c>AppleContainerImage</c> item, with every path made absolute.</summary>
internal sealed record ImageDeclaration
{
    /// <summary>The item's identity (<c>Include</c>), e.g. <c>web</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# identifier of the generated constants class, e.g. <c>Web</c>.</summary>
    public required string Identifier { get; init; }

    /// <summary>The build context directory.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>The Dockerfile.</summary>
    public required string Dockerfile { get; init; }

    /// <summary>The image reference to build (<c>repository:tag</c>).</summary>
    public required ImageReference Reference { get; init; }

    /// <summary>Further references applied to the same image.</summary>
    public IReadOnlyList<string> AdditionalTags { get; init; } = [];

    /// <summary>Build arguments, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BuildArgs { get; init; } = [];

    /// <summary>Labels set on the image, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>The target stage, or null for the last one.</summary>
    public string? Target { get; init; }

    /// <summary>The platform (<c>os/arch[/variant]</c>), or null for the runtime's default.</summary>
    public string? Platform { get; init; }

    /// <summary>Every tag the build applies, the primary reference first.</summary>
    public IReadOnlyList<string> AllTags => [Reference.Value, .. AdditionalTags];
}
