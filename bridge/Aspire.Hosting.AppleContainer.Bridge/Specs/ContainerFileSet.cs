namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// Entries placed under one absolute <see cref="Destination"/> in a container before its entrypoint runs: Aspire's
/// <c>WithContainerFiles</c>, which DCP writes as a <c>CreateFileSystem</c> (microsoft/dcp
/// <c>api/v1/container_types.go</c>; <c>internal/containers/containers_common.go</c> builds the tar).
/// </summary>
internal sealed record ContainerFileSet
{
    /// <summary>DCP's umask when none is given (<c>osutil.DefaultUmaskBitmask</c>, 022).</summary>
    public const int DefaultUmask = 0b000_010_010;

    /// <summary>The absolute directory the entries go into; created (root, 0755) when missing.</summary>
    public required string Destination { get; init; }

    /// <summary>The owner uid of entries that name none (root when null).</summary>
    public int? DefaultOwner { get; init; }

    /// <summary>The group gid of entries that name none (root when null).</summary>
    public int? DefaultGroup { get; init; }

    /// <summary>Removed from 0666 (files) and 0777 (directories) for entries without a mode; <see cref="DefaultUmask"/> when null.</summary>
    public int? Umask { get; init; }

    /// <summary>The entries (at least one).</summary>
    public IReadOnlyList<ContainerFileEntry> Entries { get; init; } = [];
}
