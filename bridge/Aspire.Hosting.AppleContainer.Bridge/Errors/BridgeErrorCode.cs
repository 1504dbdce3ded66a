namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// The stable string codes carried by <see cref="BridgeException.Code"/>. The set is open: callers must treat an
/// unknown code like <see cref="CliFailed"/>. Codes never change once shipped; messages may. Retired codes are not
/// reused: <c>canceled</c> (cancellation is an <see cref="OperationCanceledException"/> carrying the caller's token,
/// not a failure).
/// </summary>
public static class BridgeErrorCode
{
    /// <summary>No usable container runtime CLI was found (not installed, not on PATH, or the wrong platform).</summary>
    public const string RuntimeNotFound = "runtime_not_found";

    /// <summary>The runtime CLI exists but its daemon/service is not running or cannot be reached.</summary>
    public const string RuntimeNotRunning = "runtime_not_running";

    /// <summary>The runtime's version or host platform is not supported.</summary>
    public const string UnsupportedRuntime = "unsupported_runtime";

    /// <summary>The image does not exist locally or in its registry.</summary>
    public const string ImageNotFound = "image_not_found";

    /// <summary>The container does not exist.</summary>
    public const string ContainerNotFound = "container_not_found";

    /// <summary>The volume does not exist.</summary>
    public const string VolumeNotFound = "volume_not_found";

    /// <summary>The network does not exist.</summary>
    public const string NetworkNotFound = "network_not_found";

    /// <summary>The network has containers attached and cannot be removed.</summary>
    public const string NetworkInUse = "network_in_use";

    /// <summary>A container (or volume, or network) with that name already exists.</summary>
    public const string NameInUse = "name_in_use";

    /// <summary>The volume is used by a container and cannot be removed or shared.</summary>
    public const string VolumeInUse = "volume_in_use";

    /// <summary>A requested host port is already bound.</summary>
    public const string PortInUse = "port_in_use";

    /// <summary>The image builder is not available (not running, not installed).</summary>
    public const string BuilderUnavailable = "builder_unavailable";

    /// <summary>An image build ran and failed.</summary>
    public const string BuildFailed = "build_failed";

    /// <summary>The spec asks for an option the selected runtime cannot honour; the message names the option.</summary>
    public const string UnsupportedOption = "unsupported_option";

    /// <summary>The spec is invalid whatever the runtime (empty image, bad port, bad mount...).</summary>
    public const string InvalidSpec = "invalid_spec";

    /// <summary>The container is not in a state that allows the operation.</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>The operation did not finish within its time limit.</summary>
    public const string Timeout = "timeout";

    /// <summary>The registry could not be reached (no answer, refused connection, TLS or protocol mismatch); the message quotes the runtime.</summary>
    public const string RegistryUnreachable = "registry_unreachable";

    /// <summary>The registry refused the credentials, or an operation that needs them; the message quotes the registry.</summary>
    public const string RegistryAuthRefused = "registry_auth_refused";

    /// <summary>The CLI failed in a way no classifier rule recognised; see the stderr tail.</summary>
    public const string CliFailed = "cli_failed";

    /// <summary>The CLI succeeded but its output could not be parsed.</summary>
    public const string UnparseableOutput = "unparseable_output";
}
