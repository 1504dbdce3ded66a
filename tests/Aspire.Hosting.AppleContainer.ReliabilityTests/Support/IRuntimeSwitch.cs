using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// Takes one test's container runtime down and brings it back while an AppHost uses it: a stand-in CLI for podman
/// (<see cref="SwitchablePodman"/>), the real <c>system stop</c>/<c>system start</c> of Apple's dialect on a private
/// emulator state (<see cref="AppleEmulatorSystemSwitch"/>). It lives for one test and sets process-wide environment
/// for that long (the suite runs one test at a time); disposing brings the runtime back, removes what it made and
/// restores the environment, also when the test failed.
/// </summary>
internal interface IRuntimeSwitch : IAsyncDisposable
{
    /// <summary>Makes an application (already configured for the test's runtime) reach the runtime through this switch.</summary>
    void Configure(IDistributedApplicationTestingBuilder builder);

    /// <summary>Takes the runtime down: from now on every call fails as with a runtime that is not running.</summary>
    Task DownAsync();

    /// <summary>Brings the runtime back.</summary>
    Task UpAsync();
}
