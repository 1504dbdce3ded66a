using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

namespace Aspire.Hosting.AppleContainer.Tasks.Fingerprints;

/// <summary>
/// Lists what a builder receives from a build context: every file, directory and link not excluded by the
/// <c>.dockerignore</c> matcher, in ordinal path order. An excluded directory is skipped whole unless the matcher
/// has <c>!</c> exceptions that could re-include something below it.
/// </summary>
internal static class ContextEnumerator
{
    /// <summary>Enumerates the context's entries.</summary>
    public static IEnumerable<ContextEntry> Enumerate(string contextDirectory, DockerIgnoreMatcher matcher)
    {
        var pending = new Stack<(DirectoryInfo Directory, string Prefix)>();
        pending.Push((new DirectoryInfo(contextDirectory), string.Empty));
        while (pending.Count > 0)
        {
            var (directory, prefix) = pending.Pop();
            var children = directory.EnumerateFileSystemInfos()
                .OrderBy(child => child.Name, StringComparer.Ordinal)
                .ToList();
            var subdirectories = new List<(DirectoryInfo, string)>();
            foreach (var child in children)
            {
                var relative = prefix + child.Name;
                var entry = new ContextEntry(relative, child);
                var excluded = matcher.IsExcluded(relative);
                if (!excluded)
                {
                    yield return entry;
                }

                if (entry.IsDirectory && (!excluded || matcher.HasExceptions))
                {
                    subdirectories.Add(((DirectoryInfo)child, relative + "/"));
                }
            }

            // Pushed in reverse so that directories are visited in ordinal order.
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }
    }
}
