using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>The fake tier runs wherever the fake CLI was built and POSIX signals exist (Linux, macOS).</summary>
public sealed class FakeAppleCliAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() =>
        OperatingSystem.IsWindows() ? "The fake container CLI emulates containers with POSIX processes and signals (Linux or macOS)."
        : FakeAppleCliLocator.Find() is null ? "The fake container CLI (tests/FakeAppleCli) was not built next to this test assembly."
        : null;
}
