namespace Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

/// <summary>
/// Reads a <c>.dockerignore</c> file as Docker does: a UTF-8 BOM is dropped, lines starting with <c>#</c> are comments,
/// surrounding whitespace is trimmed, each pattern is path-cleaned and a leading <c>/</c> is removed.
/// </summary>
internal static class DockerIgnoreFile
{
    /// <summary>The file BuildKit reads for a build: <c>&lt;Dockerfile&gt;.dockerignore</c> when it exists, else the context's <c>.dockerignore</c>; null when neither exists.</summary>
    public static string? Locate(string contextDirectory, string dockerfile)
    {
        var besideDockerfile = dockerfile + ".dockerignore";
        if (File.Exists(besideDockerfile))
        {
            return besideDockerfile;
        }

        var inContext = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(inContext) ? inContext : null;
    }

    /// <summary>Parses the file's text into a matcher, or reports the first invalid line.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="invalidLine">The 1-based number of the first invalid line, or 0.</param>
    /// <param name="invalidPattern">That line's pattern, or null.</param>
    public static DockerIgnoreMatcher Parse(string text, out int invalidLine, out string? invalidPattern)
    {
        invalidLine = 0;
        invalidPattern = null;
        var patterns = new List<DockerIgnorePattern>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.StartsWith('#'))
            {
                continue;
            }

            var pattern = line.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            var isException = pattern[0] == '!';
            if (isException)
            {
                pattern = pattern[1..].Trim();
            }

            var compiled = pattern.Length == 0 ? null : DockerIgnorePattern.TryCreate(Normalize(pattern), isException, index + 1);
            if (compiled is null)
            {
                invalidLine = index + 1;
                invalidPattern = line.Trim();
                return DockerIgnoreMatcher.Empty;
            }

            patterns.Add(compiled);
        }

        return new DockerIgnoreMatcher(patterns);
    }

    private static string Normalize(string pattern)
    {
        var cleaned = GoPath.Clean(pattern);
        return cleaned.Length > 1 && cleaned[0] == '/' ? cleaned[1..] : cleaned;
    }
}
