namespace Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

/// <summary>Go's <c>path.Clean</c> for <c>/</c>-separated paths, which Docker applies to every pattern and path.</summary>
internal static class GoPath
{
    /// <summary>
    /// Collapses repeated separators, removes <c>.</c> elements, resolves <c>..</c> against the element before it (and
    /// drops it at the root) and removes a trailing separator. An empty result is <c>.</c>.
    /// </summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(element);
                }

                continue;
            }

            parts.Add(element);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
