namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The OCI dialect's stderr table. podman rows match stderr captured from podman 4.3.1 (tests/…/Fixtures/Oci/
/// podman-4.3.1/errors.txt); docker rows match the messages of moby/moby and docker/cli cited beside each (no docker
/// daemon runs here, so those rows are not verified against captured stderr). Order matters: the first match wins.
/// </summary>
internal static class OciErrorClassifier
{
    private const string PodmanNotRunningHint = "Start the podman service (on macOS/Windows: `podman machine start`), or select another runtime.";
    private const string DockerNotRunningHint = "Start Docker (the daemon or Docker Desktop), or select another runtime.";

    /// <summary>The rules shared by podman and docker, in match order.</summary>
    public static IReadOnlyList<ClassifierRule> Rules { get; } =
    [
        // podman: "Cannot connect to Podman. Please verify your connection ..." / "unable to connect to Podman socket".
        new(@"cannot connect to podman|unable to connect to podman socket", BridgeErrorCode.RuntimeNotRunning, PodmanNotRunningHint),

        // docker/cli cli/command/cli.go: "Cannot connect to the Docker daemon at %s. Is the docker daemon running?"
        new(@"cannot connect to the docker daemon|is the docker daemon running", BridgeErrorCode.RuntimeNotRunning, DockerNotRunningHint),

        // podman: "volume ... is being used by the following container(s): ...: volume is being used".
        // moby volume/service/errors.go errVolumeInUse: "volume is in use".
        new(@"volume is being used|volume is in use", BridgeErrorCode.VolumeInUse),

        // podman: "no volume with name \"x\" found: no such volume"; moby volume/service/errors.go: "no such volume".
        new(@"no such volume", BridgeErrorCode.VolumeNotFound),

        // podman: "volume with name x already exists: volume already exists".
        new(@"volume already exists", BridgeErrorCode.NameInUse),

        // podman: "\"x\" has associated containers with it. ...: network is being used".
        // moby libnetwork/error.go ActiveEndpointsError: "network %s has active endpoints".
        new(@"network is being used|has active endpoints", BridgeErrorCode.NetworkInUse),

        // podman: "unable to find network with name or ID x: network not found".
        // moby libnetwork/error.go ErrNoSuchNetwork: "network %s not found".
        new(@"network not found|network \S+ not found", BridgeErrorCode.NetworkNotFound),

        // podman: "network name x already used: network already exists".
        // moby daemon/network.go: "network with name %s already exists".
        new(@"network already exists|network with name .* already exists", BridgeErrorCode.NameInUse),

        // podman: "the container name \"x\" is already in use by ...: that name is already in use".
        // moby daemon/names.go: "Conflict. The container name %q is already in use by container %q."
        new(@"name .* is already in use|that name is already in use", BridgeErrorCode.NameInUse),

        // podman: "cannot listen on the TCP port: listen tcp4 ...: bind: address already in use".
        // moby libnetwork portallocator: "Bind for %s:%d failed: port is already allocated".
        new(@"address already in use|port is already allocated", BridgeErrorCode.PortInUse),

        // podman: "no container with name or ID \"x\" found: no such container", "inspecting object: no such container x".
        // moby errdefs (daemon/container.go): "No such container: %s".
        new(@"no such container|no container with name or id", BridgeErrorCode.ContainerNotFound),

        // podman: "x: image not known". moby daemon/images: "No such image: %s"; registries: "manifest unknown".
        new(@"image not known|no such image|manifest unknown|repository does not exist", BridgeErrorCode.ImageNotFound),

        // podman: "can only create exec sessions on running containers: container state improper".
        // moby daemon/exec.go: "Container %s is not running".
        new(@"container state improper|is not running", BridgeErrorCode.InvalidState),
    ];

    /// <summary>The classifier for the named runtime (<c>podman</c> or <c>docker</c>).</summary>
    public static ErrorClassifier Create(string runtime) => new(runtime, Rules);
}
