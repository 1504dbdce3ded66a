namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>Settings of the Apple dialect (<see cref="AppleContainerRuntime"/>).</summary>
internal sealed record AppleContainerRuntimeOptions
{
    /// <summary>
    /// The most VM boots and stops in flight at once for one CLI, shared by every runtime instance that drives the same
    /// executable (the first instance to use a CLI fixes its cap). Null means <c>max(2, processor count / 4)</c>:
    /// parallel VM transitions are known to time out on virtio-net.
    /// </summary>
    public int? MaxConcurrentVmTransitions { get; init; }

    /// <summary>
    /// Start containers through an attached observer (<c>container start --attach</c>) that ends with the container's
    /// exit status, so exit codes are known for containers this process started. When false, containers start detached
    /// and their exit codes are reported as unknown (null).
    /// </summary>
    public bool ObserveExitCodes { get; init; } = true;

    /// <summary>The slowest interval of the fallback exit poll (one <c>inspect</c> per interval).</summary>
    public TimeSpan ExitPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a VM may take to boot before <see cref="BridgeErrorCode.Timeout"/>.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Publish ports even when the CLI was installed by Homebrew. macOS ties local-network permission to the binary
    /// path, so published ports of a Homebrew-installed CLI can fail silently; by default creating such a container
    /// fails with a coded diagnostic instead.
    /// </summary>
    public bool AllowHomebrewPublishedPorts { get; init; }

    /// <summary>The host the CLI runs on; the real one unless a test simulates another.</summary>
    public AppleHostPlatform Host { get; init; } = AppleHostPlatform.Current;

    /// <summary>Environment given to every CLI call (tests use it to point a fake CLI at its state).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
