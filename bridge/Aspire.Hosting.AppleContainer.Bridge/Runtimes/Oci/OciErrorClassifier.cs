using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The OCI dialect's stderr table. Every row matches stderr captured from podman 4.3.1 and from docker (CLI 28.2.2 on
/// engine 20.10.24), quoted beside it (tests/…/Fixtures/Oci/podman-4.3.1/errors.txt, docker-20.10.24/errors.txt).
/// Only stderr is read: the two exit differently for the same failure (podman 125 for most, docker 1 from its daemon
/// and 125 from <c>docker run</c>). Order matters: the first match wins.
/// </summary>
internal static partial class OciErrorClassifier
{
    private const string PodmanNotRunningHint = "Start the podman service (on macOS/Windows: `podman machine start`), or select another runtime.";
    private const string DockerNotRunningHint = "Start Docker (the daemon or Docker Desktop), or select another runtime.";

    private const string PlainHttpRegistryHint =
        "The registry speaks plain HTTP. The bridge asks podman for it (--tls-verify=false) for registries on localhost and private " +
        "IPv4 addresses; docker's daemon does so only for 127.0.0.0/8 and the registries listed under \"insecure-registries\" in its " +
        "daemon.json (restart the daemon after adding it), or serve the registry over TLS.";

    private const string RegistryAuthHint = "Log in to the registry with the right user name and password, or check the account's rights to the repository.";

    /// <summary>The rules shared by podman and docker, in match order.</summary>
    public static IReadOnlyList<ClassifierRule> Rules { get; } =
    [
        // podman: "Cannot connect to Podman. Please verify your connection ..." / "unable to connect to Podman socket".
        new(@"cannot connect to podman|unable to connect to podman socket", BridgeErrorCode.RuntimeNotRunning, PodmanNotRunningHint),

        // docker: "Cannot connect to the Docker daemon at unix:///…sock. Is the docker daemon running?"
        new(@"cannot connect to the docker daemon|is the docker daemon running", BridgeErrorCode.RuntimeNotRunning, DockerNotRunningHint),

        // A registry that does not answer, or not in the protocol asked for (…/registry-errors.txt of both runtimes):
        // podman: "pinging container registry 127.0.0.1:n: Get \"http://127.0.0.1:n/v2/\": dial tcp …: connect: connection
        // refused" (push and login alike), "…: http: server gave HTTP response to HTTPS client" (HTTPS asked of a plain-HTTP
        // registry), "…: dial tcp: lookup x on …: no such host"; docker: "Get \"http://127.0.0.1:n/v2/\": dial tcp …: connect:
        // connection refused" (push), "Error response from daemon: Get \"http://…/v2/\": dial tcp …" (login). Only the
        // registry's /v2/ URL or podman's "pinging container registry" count, so a build step's own network error does not.
        new(@"server gave http response to https client", BridgeErrorCode.RegistryUnreachable, PlainHttpRegistryHint),
        new(@"pinging container registry|""https?://[^""]+/v2/[^""]*"": (dial tcp|net/http|x509|tls|remote error)", BridgeErrorCode.RegistryUnreachable),

        // podman: "volume ... is being used by the following container(s): ...: volume is being used".
        // docker: "remove x: volume is in use - [id]".
        new(@"volume is being used|volume is in use", BridgeErrorCode.VolumeInUse),

        // podman: "no volume with name \"x\" found: no such volume"; docker: "get x: no such volume".
        new(@"no such volume", BridgeErrorCode.VolumeNotFound),

        // podman: "volume with name x already exists: volume already exists". docker's `volume create` of an existing
        // name succeeds silently, so the dialect looks first (OciContainerRuntime.CreateVolumeAsync).
        new(@"volume already exists", BridgeErrorCode.NameInUse),

        // podman: "\"x\" has associated containers with it. ...: network is being used".
        // docker: "error while removing network: network x id … has active endpoints".
        new(@"network is being used|has active endpoints", BridgeErrorCode.NetworkInUse),

        // podman: "unable to find network with name or ID x: network not found"; docker: "network x not found".
        new(@"network not found|network \S+ not found|no such network", BridgeErrorCode.NetworkNotFound),

        // podman: "network name x already used: network already exists"; docker: "network with name x already exists".
        new(@"network already exists|network with name .* already exists", BridgeErrorCode.NameInUse),

        // podman: "the container name \"x\" is already in use by ...: that name is already in use".
        // docker: "Conflict. The container name \"/x\" is already in use by container \"id\". ...".
        new(@"name .* is already in use|that name is already in use", BridgeErrorCode.NameInUse),

        // podman: "cannot listen on the TCP port: listen tcp4 ...: bind: address already in use".
        // docker: "Bind for 127.0.0.1:n failed: port is already allocated" (held by a container), "Error starting
        // userland proxy: listen tcp4 127.0.0.1:n: bind: address already in use" (held by a host process).
        new(@"address already in use|port is already allocated", BridgeErrorCode.PortInUse),

        // podman: "no container with name or ID \"x\" found: no such container", "inspecting object: no such container x".
        // docker: "No such container: x", "Cannot kill container: x: No such container: x".
        new(@"no such container|no container with name or id", BridgeErrorCode.ContainerNotFound),

        // podman: "x: image not known". docker: "No such image: x"; a registry's missing tag or repository: "manifest for
        // x not found: manifest unknown: manifest unknown". Docker Hub's "pull access denied for x, repository does not
        // exist or may require 'docker login'" comes from docker/cli (no Docker Hub here, so it is not captured).
        // A push of an image that is not local: podman "x: image not known", docker "An image does not exist locally with
        // the tag: x" (registry-errors.txt); a tag of a missing source: podman "image not known", docker "No such image: x".
        new(@"image not known|no such image|manifest unknown|repository does not exist|an image does not exist locally", BridgeErrorCode.ImageNotFound),

        // The registry refused (registry-errors.txt): podman's push without credentials "…: unauthorized: authentication
        // required", its login with a wrong password "logging into \"x\": invalid username/password"; docker's push without
        // credentials "no basic auth credentials", its login "login attempt to http://x/v2/ failed with status: 401
        // Unauthorized". After the image rule: docker's "pull access denied …: denied: requested access to the resource is
        // denied" is a missing repository as often as a refusal.
        new(@"unauthorized: |invalid username/password|no basic auth credentials|failed with status: 40[13]|denied: requested access to the resource is denied", BridgeErrorCode.RegistryAuthRefused, RegistryAuthHint),

        // docker CLI 23 and later, asked for BuildKit (a build with secrets) without the buildx component: "ERROR: BuildKit
        // is enabled but the buildx component is missing or broken." (the legacy builder's deprecation notice also
        // names buildx, so only this sentence counts).
        new(@"buildkit is enabled but the buildx component is missing", BridgeErrorCode.BuilderUnavailable, "Install docker's buildx component (the docker-buildx-plugin package, or Docker Desktop), or select podman: a build with secrets needs BuildKit."),

        // podman: "can only create exec sessions on running containers: container state improper".
        // docker: "Container id is not running".
        new(@"container state improper|is not running", BridgeErrorCode.InvalidState),
    ];

    /// <summary>The classifier for the named runtime (<c>podman</c> or <c>docker</c>).</summary>
    public static ErrorClassifier Create(string runtime) => new(runtime, Rules, DockerTrailer());

    /// <summary>
    /// What docker prints after the error itself: "Run 'docker run --help' for more information" after a failed
    /// <c>docker run</c>, "exit status 1" after a failed <c>network rm</c>.
    /// </summary>
    [GeneratedRegex(@"^(Run 'docker [a-z ]+--help' for more information|exit status \d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DockerTrailer();
}
