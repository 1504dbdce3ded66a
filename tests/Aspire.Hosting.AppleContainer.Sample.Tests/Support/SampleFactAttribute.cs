using Xunit.Sdk;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>
/// A fact that runs the sample on the test class's runtime in Chromium: skipped, with the reason, only when the runtime
/// is not installed (as <c>RuntimeFact</c> decides it) or Chromium is not.
/// </summary>
[XunitTestCaseDiscoverer("Aspire.Hosting.AppleContainer.Bridge.Contract.RuntimeFactDiscoverer", "Aspire.Hosting.AppleContainer.Bridge.Contract")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SampleFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public SampleFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = "Chromium is not installed (eng/install-browser.sh).";
        }
    }
}
