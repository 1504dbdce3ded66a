using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Live;

/// <summary>The live tier runs only where Apple's container CLI is installed (macOS 26 on Apple silicon).</summary>
public sealed class AppleLiveAvailability : RuntimeAvailability
{
    /// <summary>The real CLI: <c>ACTR_APPLE_CONTAINER_CLI</c>, else <c>container</c> on PATH.</summary>
    public static string? CliPath =>
        Environment.GetEnvironmentVariable("ACTR_APPLE_CONTAINER_CLI") is { Length: > 0 } explicitPath ? explicitPath : ExecutableLocator.FromEnvironment().Find("container");

    /// <inheritdoc />
    protected override string? ProbeSkipReason()
    {
        if (AppleHostPlatform.Current.Problem() is { } problem)
        {
            return $"Apple's container CLI cannot run here (macOS 26 on Apple silicon required): {problem.Message}";
        }

        return CliPath is null ? "Apple's container CLI is not installed (macOS 26 on Apple silicon required; not on PATH)." : null;
    }
}
