using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Registry;

/// <summary>A fact that needs a real registry: skipped, with the reason, only where docker-registry or htpasswd is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RegistryFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason where no registry can run.</summary>
    public RegistryFactAttribute()
    {
        if (TestRegistry.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
