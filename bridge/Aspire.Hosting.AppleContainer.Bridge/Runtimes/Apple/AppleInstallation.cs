namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Where the CLI was installed from. macOS grants local-network permission per binary path, and published ports of a
/// Homebrew-installed <c>container</c> are known to fail silently (peers.md: ddev/ddev#8656; apple/container ships a signed
/// installer package that places its files under /usr/local, README.md @1.0.0).
/// </summary>
internal static class AppleInstallation
{
    private static readonly string[] HomebrewMarkers = ["/opt/homebrew/", "/usr/local/Homebrew/", "/usr/local/Cellar/", "/home/linuxbrew/.linuxbrew/"];

    /// <summary>Whether <paramref name="executablePath"/> (or the file its symlink points to) lies under a Homebrew prefix.</summary>
    public static bool IsHomebrew(string executablePath)
    {
        if (HasHomebrewPrefix(executablePath))
        {
            return true;
        }

        try
        {
            var target = new FileInfo(executablePath).ResolveLinkTarget(returnFinalTarget: true);
            return target is not null && HasHomebrewPrefix(target.FullName);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The coded diagnostic for publishing ports through a Homebrew-installed CLI.</summary>
    public static BridgeException HomebrewPublishedPorts(string executablePath) =>
        new(BridgeErrorCode.UnsupportedOption, $"The container CLI at '{executablePath}' was installed by Homebrew; macOS ties local-network permission to the binary path, so its published ports can fail silently.")
        {
            Runtime = AppleContainerRuntime.RuntimeName,
            Option = "publish",
            Hint = "Install container from the signed installer package (https://github.com/apple/container/releases) and point the integration at /usr/local/bin/container, or set AllowHomebrewPublishedPorts if this CLI has local-network permission.",
        };

    private static bool HasHomebrewPrefix(string path) =>
        HomebrewMarkers.Any(marker => path.StartsWith(marker, StringComparison.Ordinal) || path.Contains("/Cellar/", StringComparison.Ordinal));
}
