namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The kind of a <see cref="ContainerFileEntry"/>.</summary>
internal enum ContainerFileKind
{
    /// <summary>A regular file, from <see cref="ContainerFileEntry.Contents"/> or <see cref="ContainerFileEntry.SourcePath"/>.</summary>
    File,

    /// <summary>A directory holding <see cref="ContainerFileEntry.Entries"/>.</summary>
    Directory,

    /// <summary>A symbolic link to <see cref="ContainerFileEntry.LinkTarget"/> (DCP writes them beside OpenSSL certificates).</summary>
    Symlink,
}
