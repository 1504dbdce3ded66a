namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// One file, directory or symbolic link placed into a container before it starts (DCP's <c>FileSystemEntry</c>,
/// microsoft/dcp <c>api/v1/container_types.go</c>). Owner, group and mode left unset come from the enclosing
/// <see cref="ContainerFileSet"/>: the owner and group of the directory holding the entry (else the set's defaults,
/// else root), the mode from the set's umask.
/// </summary>
internal sealed record ContainerFileEntry
{
    /// <summary>The entry's name inside its directory (a relative path; no <c>..</c> segment).</summary>
    public required string Name { get; init; }

    /// <summary>File, directory or symbolic link.</summary>
    public ContainerFileKind Kind { get; init; } = ContainerFileKind.File;

    /// <summary>A file's bytes; empty when neither this nor <see cref="SourcePath"/> is given.</summary>
    public ReadOnlyMemory<byte>? Contents { get; init; }

    /// <summary>A host file whose bytes the file gets, read when the files are placed.</summary>
    public string? SourcePath { get; init; }

    /// <summary>A symbolic link's target.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>The owner's uid; inherited when null.</summary>
    public int? Owner { get; init; }

    /// <summary>The group's gid; inherited when null.</summary>
    public int? Group { get; init; }

    /// <summary>The permission bits (<c>0</c>: 0666 for a file, 0777 for a directory, less the set's umask).</summary>
    public int Mode { get; init; }

    /// <summary>A file that cannot be read (its <see cref="SourcePath"/>) is left out instead of failing the container.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>A directory's entries.</summary>
    public IReadOnlyList<ContainerFileEntry> Entries { get; init; } = [];
}
