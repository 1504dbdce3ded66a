namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>A fact that runs the sample on podman in Chromium; skipped, with the reason, only when either is not installed.</summary>
public sealed class SampleFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public SampleFactAttribute()
    {
        if (!PodmanFactAttribute.IsInstalled)
        {
            Skip = "podman is not installed (eng/install-prereqs.sh).";
        }
        else if (Chromium.ExecutablePath is null)
        {
            Skip = "Chromium is not installed (eng/install-browser.sh).";
        }
    }
}
