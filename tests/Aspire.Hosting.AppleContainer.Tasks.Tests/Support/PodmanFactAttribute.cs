namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>A fact that needs podman and the local test images; it skips, with the reason, when podman is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PodmanFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when podman is missing.</summary>
    public PodmanFactAttribute()
    {
        if (!CommandLine.IsOnPath("podman"))
        {
            Skip = "podman is not installed (eng/install-prereqs.sh installs it).";
        }
    }
}
