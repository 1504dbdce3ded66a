namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>A fact that inspects processes through <c>/proc</c>: skipped, with the reason, elsewhere than Linux.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason off Linux.</summary>
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "This test finds the fake's processes through /proc (Linux only).";
        }
    }
}
