namespace Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

/// <summary>
/// Decides which context paths a builder would leave out, with Docker's rules: patterns are relative to the context
/// root, a pattern that matches a directory excludes everything below it, <c>!</c> lines re-include, and the last
/// matching line wins.
/// </summary>
internal sealed class DockerIgnoreMatcher
{
    /// <summary>A matcher that excludes nothing.</summary>
    public static DockerIgnoreMatcher Empty { get; } = new([]);

    /// <summary>Creates a matcher over compiled patterns, in file order.</summary>
    public DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns)
    {
        Patterns = patterns;
        HasExceptions = patterns.Any(p => p.IsException);
    }

    /// <summary>The patterns, in file order.</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>Whether any line starts with <c>!</c>, so an excluded directory may still hold included files.</summary>
    public bool HasExceptions { get; }

    /// <summary>Whether <paramref name="relativePath"/> (<c>/</c>-separated, relative to the context) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = GoPath.Clean(relativePath);
        var separator = path.LastIndexOf('/');
        var parents = separator < 0 ? [] : path[..separator].Split('/');
        var excluded = false;
        foreach (var pattern in Patterns)
        {
            // An inclusion cannot change an excluded path, nor an exception an included one.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (pattern.Matches(path) || MatchesParent(pattern, parents))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    private static bool MatchesParent(DockerIgnorePattern pattern, string[] parents)
    {
        for (var i = 1; i <= parents.Length; i++)
        {
            if (pattern.Matches(string.Join('/', parents, 0, i)))
            {
                return true;
            }
        }

        return false;
    }
}
