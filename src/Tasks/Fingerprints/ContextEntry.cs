namespace Aspire.Hosting.AppleContainer.Tasks.Fingerprints;

/// <summary>One file system entry a builder would receive from the build context.</summary>
/// <param name="RelativePath">The path relative to the context, <c>/</c>-separated.</param>
/// <param name="Info">The entry (not followed when it is a symbolic link).</param>
internal sealed record ContextEntry(string RelativePath, FileSystemInfo Info)
{
    /// <summary>Whether the entry is a symbolic link (hashed by its target, never followed).</summary>
    public bool IsSymbolicLink => Info.LinkTarget is not null;

    /// <summary>Whether the entry is a directory (and not a link to one).</summary>
    public bool IsDirectory => !IsSymbolicLink && Info is DirectoryInfo;
}
