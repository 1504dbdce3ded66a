namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>Finds an executable on a PATH string, without a shell (the first existing, executable match wins).</summary>
internal sealed class ExecutableLocator(string? searchPath)
{
    /// <summary>The locator for this process's PATH.</summary>
    public static ExecutableLocator FromEnvironment() => new(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The full path of <paramref name="name"/>, or null.</summary>
    public string? Find(string name)
    {
        foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathFullyQualified(directory))
            {
                continue;
            }

            var candidate = Path.Combine(directory, name);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && IsExecutableFile(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="path"/> is an existing file this user may execute.</summary>
    public static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
