namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>A fact that runs against the real podman and is skipped, with the reason, only when podman is not installed.</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public PodmanFactAttribute()
    {
        if (!IsInstalled)
        {
            Skip = "podman is not installed.";
        }
    }

    /// <summary>Whether a podman executable is on PATH.</summary>
    public static bool IsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "podman")));
}
