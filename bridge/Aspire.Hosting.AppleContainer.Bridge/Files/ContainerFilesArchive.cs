using System.Formats.Tar;

namespace Aspire.Hosting.AppleContainer.Bridge.Files;

/// <summary>
/// Writes <see cref="ContainerFileSet"/>s as one tar rooted at <c>/</c>, as DCP does (microsoft/dcp
/// <c>internal/containers/containers_common.go</c>: <c>AddFileToTar</c>, <c>AddDirectoryToTar</c>,
/// <c>AddSymlinkToTar</c>): each entry at <c>destination/name</c> with its uid, gid and mode in the header; an entry
/// without a mode gets 0666 (file) or 0777 (directory) less the umask; owner and group are inherited from the
/// directory holding the entry, else the set's defaults, else 0. No entry is written for the destination itself, so
/// the runtime creates a missing one as root 0755 and leaves an existing one as it is.
/// </summary>
internal static class ContainerFilesArchive
{
    private const int DefaultFileMode = 0b110_110_110;
    private const int DefaultDirectoryMode = 0b111_111_111;

    /// <summary>Writes the tar of <paramref name="sets"/> to <paramref name="output"/>, every entry stamped <paramref name="modified"/> (a source file keeps its own time).</summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> when a source file cannot be read (and its entry may not be left out).</exception>
    public static void Write(IReadOnlyList<ContainerFileSet> sets, Stream output, DateTimeOffset modified)
    {
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var set in sets)
        {
            var umask = set.Umask ?? ContainerFileSet.DefaultUmask;
            var basePath = set.Destination.Trim('/');
            foreach (var entry in set.Entries)
            {
                WriteEntry(writer, basePath, set.DefaultOwner ?? 0, set.DefaultGroup ?? 0, umask, entry, modified);
            }
        }
    }

    /// <summary>The tar of <paramref name="sets"/> in memory (what podman and docker read from stdin).</summary>
    public static byte[] ToBytes(IReadOnlyList<ContainerFileSet> sets, DateTimeOffset modified)
    {
        using var buffer = new MemoryStream();
        Write(sets, buffer, modified);
        return buffer.ToArray();
    }

    private static void WriteEntry(TarWriter writer, string basePath, int owner, int group, int umask, ContainerFileEntry entry, DateTimeOffset modified)
    {
        var path = basePath.Length == 0 ? entry.Name.Trim('/') : $"{basePath}/{entry.Name.Trim('/')}";
        owner = entry.Owner ?? owner;
        group = entry.Group ?? group;
        switch (entry.Kind)
        {
            case ContainerFileKind.Directory:
                writer.WriteEntry(Header(new PaxTarEntry(TarEntryType.Directory, path), owner, group, ModeOf(entry, DefaultDirectoryMode, umask), modified));
                foreach (var child in entry.Entries)
                {
                    WriteEntry(writer, path, owner, group, umask, child, modified);
                }

                break;
            case ContainerFileKind.Symlink:
                var link = Header(new PaxTarEntry(TarEntryType.SymbolicLink, path), owner, group, DefaultDirectoryMode, modified);
                link.LinkName = entry.LinkTarget ?? string.Empty;
                writer.WriteEntry(link);
                break;
            default:
                WriteFile(writer, path, owner, group, ModeOf(entry, DefaultFileMode, umask), entry, modified);
                break;
        }
    }

    private static void WriteFile(TarWriter writer, string path, int owner, int group, int mode, ContainerFileEntry entry, DateTimeOffset modified)
    {
        var file = Header(new PaxTarEntry(TarEntryType.RegularFile, path), owner, group, mode, modified);
        if (entry.SourcePath is not { } source)
        {
            file.DataStream = new MemoryStream(entry.Contents?.ToArray() ?? []);
            writer.WriteEntry(file);
            return;
        }

        FileStream stream;
        try
        {
            stream = File.OpenRead(source);
            file.ModificationTime = File.GetLastWriteTimeUtc(source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (entry.ContinueOnError)
            {
                return;
            }

            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The file '{source}' for '/{path}' cannot be read: {ex.Message}", ex) { Option = "files" };
        }

        using (stream)
        {
            file.DataStream = stream;
            writer.WriteEntry(file);
        }
    }

    private static int ModeOf(ContainerFileEntry entry, int defaultMode, int umask) => entry.Mode != 0 ? entry.Mode : defaultMode & ~umask;

    private static PaxTarEntry Header(PaxTarEntry entry, int owner, int group, int mode, DateTimeOffset modified)
    {
        entry.Uid = owner;
        entry.Gid = group;
        entry.Mode = (UnixFileMode)mode;
        entry.ModificationTime = modified;
        return entry;
    }
}
