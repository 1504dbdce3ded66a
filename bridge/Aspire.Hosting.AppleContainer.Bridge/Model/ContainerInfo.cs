namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>What a runtime reports about one container.</summary>
internal sealed record ContainerInfo
{
    /// <summary>The runtime's id for the container.</summary>
    public required string Id { get; init; }

    /// <summary>The container name.</summary>
    public required string Name { get; init; }

    /// <summary>The image reference the container was created from.</summary>
    public required string Image { get; init; }

    /// <summary>The normalised state.</summary>
    public required ContainerState State { get; init; }

    /// <summary>The exit code when the container exited and the runtime knows it; null when unknown.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When the container was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the container last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the container last finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The container's IP address on its first network, without a prefix length.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Published ports.</summary>
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    /// <summary>Mounts.</summary>
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>Labels, decoded by <see cref="LabelCodec"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
