namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>A fact that reads <c>/proc</c>, so it runs on Linux and says why it skips elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProcFactAttribute : FactAttribute
{
    /// <summary>Skips where there is no <c>/proc</c>.</summary>
    public ProcFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "reads /proc, which only Linux has";
        }
    }
}
