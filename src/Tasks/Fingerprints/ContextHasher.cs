using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

namespace Aspire.Hosting.AppleContainer.Tasks.Fingerprints;

/// <summary>
/// Hashes what a builder would receive from a context: for each entry after <c>.dockerignore</c>, its relative path,
/// kind, Unix mode and, for files, length and bytes; for links, their target.
/// </summary>
internal static class ContextHasher
{
    /// <summary>The context's hash (lower-case hex SHA-256).</summary>
    public static string Hash(string contextDirectory, DockerIgnoreMatcher matcher)
    {
        using var writer = new FingerprintWriter();
        foreach (var entry in ContextEnumerator.Enumerate(contextDirectory, matcher))
        {
            writer.Add(entry.RelativePath);
            writer.AddInt64(OperatingSystem.IsWindows() ? 0 : (long)entry.Info.UnixFileMode);
            if (entry.IsSymbolicLink)
            {
                writer.Add("link");
                writer.Add(entry.Info.LinkTarget);
            }
            else if (entry.IsDirectory)
            {
                writer.Add("dir");
            }
            else
            {
                writer.Add("file");
                writer.AddFile(entry.Info.FullName);
            }
        }

        return writer.ToHex();
    }
}
