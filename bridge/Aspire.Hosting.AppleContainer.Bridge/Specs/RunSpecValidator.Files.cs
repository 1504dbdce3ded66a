namespace Aspire.Hosting.AppleContainer.Bridge;

/// <content>The rules for <see cref="RunSpec.Files"/>, DCP's (microsoft/dcp <c>api/v1/container_types.go</c>, <c>Validate</c>).</content>
internal static partial class RunSpecValidator
{
    private const int MaxMode = 0b111_111_111_111;
    private const int MaxUmask = 0b111_111_111;

    private static void ValidateFiles(IReadOnlyList<ContainerFileSet> sets)
    {
        foreach (var set in sets)
        {
            if (!set.Destination.StartsWith('/') || HasParentSegment(set.Destination))
            {
                throw Invalid("files", $"The destination '{set.Destination}' of container files must be an absolute path without '..'.");
            }

            if (set.Entries.Count == 0)
            {
                throw Invalid("files", $"The container files for '{set.Destination}' have no entries.");
            }

            if (set.Umask is { } umask && umask is < 0 or > MaxUmask)
            {
                throw Invalid("files", $"The umask of the container files for '{set.Destination}' must be between 0 and 0777 (got {Octal(umask)}).");
            }

            if (set.DefaultOwner < 0 || set.DefaultGroup < 0)
            {
                throw Invalid("files", $"The default owner and group of the container files for '{set.Destination}' must be non-negative.");
            }

            foreach (var entry in set.Entries)
            {
                ValidateFileEntry(set.Destination.TrimEnd('/'), entry);
            }
        }
    }

    private static void ValidateFileEntry(string parent, ContainerFileEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.StartsWith('/') || HasParentSegment(entry.Name) || entry.Name.Contains('\0'))
        {
            throw Invalid("files", $"The container file name '{entry.Name}' in '{parent}' must be a non-empty relative path without '..'.");
        }

        var path = $"{parent}/{entry.Name}";
        if (entry.Mode is < 0 or > MaxMode)
        {
            throw Invalid("files", $"The mode of '{path}' must be between 0 and 07777 (got {Octal(entry.Mode)}).");
        }

        if (entry.Owner < 0 || entry.Group < 0)
        {
            throw Invalid("files", $"The owner and group of '{path}' must be non-negative.");
        }

        var hasContents = entry.Contents is not null || entry.SourcePath is not null;
        switch (entry.Kind)
        {
            case ContainerFileKind.File when entry.Contents is not null && entry.SourcePath is not null:
                throw Invalid("files", $"The file '{path}' has both contents and a source file.");
            case ContainerFileKind.File when entry.SourcePath is { } source && !Path.IsPathFullyQualified(source):
                throw Invalid("files", $"The source '{source}' of '{path}' must be an absolute host path.");
            case ContainerFileKind.File when entry.Entries.Count > 0 || entry.LinkTarget is not null:
                throw Invalid("files", $"The file '{path}' cannot have entries or a link target.");
            case ContainerFileKind.Directory when hasContents || entry.LinkTarget is not null:
                throw Invalid("files", $"The directory '{path}' cannot have contents, a source file or a link target.");
            case ContainerFileKind.Symlink when string.IsNullOrEmpty(entry.LinkTarget) || hasContents || entry.Entries.Count > 0:
                throw Invalid("files", $"The symbolic link '{path}' needs a target and nothing else.");
        }

        foreach (var child in entry.Entries)
        {
            ValidateFileEntry(path, child);
        }
    }

    private static bool HasParentSegment(string path) => path.Split('/').Contains("..");

    private static string Octal(int value) => "0" + Convert.ToString(value, 8);
}
