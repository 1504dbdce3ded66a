namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// A fact that runs against the real podman and is skipped, with the reason, only when podman is not installed (CI
/// installs it, so nothing skips there). Compiled into each test project that needs it (<c>tests/TestSupport</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PodmanFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when podman is missing.</summary>
    public PodmanFactAttribute()
    {
        if (!IsInstalled)
        {
            Skip = "podman is not installed (eng/install-prereqs.sh installs it).";
        }
    }

    /// <summary>Whether a podman executable is on PATH.</summary>
    public static bool IsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "podman")));
}
