using System.Text.RegularExpressions;

namespace FakeAppleCli;

/// <summary>
/// The fake's stand-in for a container filesystem: in a command's arguments, an absolute path under a mount target is
/// rewritten to the mount's host directory, and a path whose top-level directory does not exist on the host is
/// rewritten into the container's private root directory. Paths the host has (/tmp, /bin...) stay shared.
/// </summary>
internal sealed partial class PathMapper(string rootDirectory, IReadOnlyList<(string Target, string Source)> mounts)
{
    [GeneratedRegex(@"(?<![\w.~$-])/[A-Za-z0-9._@+-]+(/[A-Za-z0-9._@+-]*)*")]
    private static partial Regex AbsolutePath();

    public string Map(string argument) => AbsolutePath().Replace(argument, match => MapPath(match.Value));

    public string MapPath(string path)
    {
        foreach (var (target, source) in mounts.OrderByDescending(m => m.Target.Length))
        {
            var trimmed = target.TrimEnd('/');
            if (path == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal))
            {
                return source + path[trimmed.Length..];
            }
        }

        var top = "/" + path.TrimStart('/').Split('/')[0];
        if (Directory.Exists(top) || File.Exists(top))
        {
            return path;
        }

        Directory.CreateDirectory(rootDirectory);
        return rootDirectory + path;
    }
}
