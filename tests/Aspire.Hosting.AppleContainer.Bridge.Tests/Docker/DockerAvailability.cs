using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Docker;

/// <summary>The docker tier runs wherever docker's engine is installed (CI installs and starts it); it skips only when it is absent.</summary>
public sealed class DockerAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() => DockerEngine.SkipReason;
}
