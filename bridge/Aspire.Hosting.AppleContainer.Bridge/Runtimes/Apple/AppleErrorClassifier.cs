namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The Apple dialect's stderr table. The CLI prints a failure as <c>Error: &lt;message&gt;</c> and exits non-zero:
/// swift-argument-parser prints <c>describe()</c> of the error, which for a <c>ContainerizationError</c> is its
/// message (swift-argument-parser 1.8.2 Utilities/Foundation.swift; containerization 0.40.1
/// ContainerizationError.swift:82-89). Only an AggregateError (stop, kill, delete) keeps the <c>code: "message"</c>
/// form, and an XPC connection failure gains a second line with the <c>container system start</c> hint
/// (Application.swift:137-139). Rules match the message text, each taken from the apple/container source file cited
/// next to it (tag 1.2.2 unless noted; the same messages exist at 1.0.0). Tests/…/Fixtures/Apple/errors.txt holds
/// every message as printed.
/// </summary>
internal static class AppleErrorClassifier
{
    /// <summary>The remedy when the API server cannot be reached.</summary>
    public const string SystemStartHint = "run `container system start`";

    /// <summary>The remedy when the BuildKit builder is not running.</summary>
    public const string BuilderStartHint = "run `container builder start`";

    /// <summary>The remedy when the registry refused.</summary>
    public const string RegistryLoginHint = "run `container registry login --username <user> --password-stdin <registry>` with the right credentials, or check the account's rights to the repository";

    /// <summary>The ordered rules (first match wins).</summary>
    public static IReadOnlyList<ClassifierRule> Rules { get; } =
    [
        // Sources/ContainerXPC/XPCClient.swift:142-150 ("XPC connection error: …", code interrupted) and
        // Sources/ContainerCommands/Application.swift:137-139 (appends the `container system start` line).
        new(@"XPC connection error|Ensure container system service has been started", BridgeErrorCode.RuntimeNotRunning, SystemStartHint),

        // Sources/ContainerCommands/BuildCommand.swift:228-241 ("builder is not running", "Timeout waiting for connection
        // to builder"); Sources/ContainerCommands/Builder/BuilderStart.swift:204, 362.
        new(@"builder is not running|Timeout waiting for connection to builder|builder is stopping|failed to start BuildKit", BridgeErrorCode.BuilderUnavailable, BuilderStartHint),

        // Sources/ContainerCommands/Container/ContainerInspect.swift:44-50 ("container not found: <ids>");
        // Sources/Services/ContainerAPIService/Client/ContainerClient.swift:110-118 ("get failed: container <id> not found");
        // Sources/Services/ContainerAPIService/Server/Containers/ContainersService.swift:1127-1132 ("container with ID <id> not found",
        // also inside "failed to open container logs: …" at 747-761 and in the AggregateError of stop/kill/delete).
        new(@"container not found:|get failed: container \S+ not found|container with ID \S+ not found", BridgeErrorCode.ContainerNotFound),

        // ContainersService.swift:286-290 ("container already exists: <id>"); ContainerRun.swift:87-94 ("container with id <id> already exists").
        new(@"container already exists:|container with id \S+ already exists", BridgeErrorCode.NameInUse),

        // Sources/ContainerCommands/Volume/VolumeDelete.swift:63-78 ("failed to delete one or more volumes: [...]");
        // Volume/VolumeInspect.swift:44-49 ("volume not found: <names>"); Sources/ContainerResource/Volume/VolumeConfiguration.swift:110-130 (VolumeError).
        new(@"volume '[^']*' not found|volume not found:|failed to delete one or more volumes:", BridgeErrorCode.VolumeNotFound),
        new(@"volume '[^']*' already exists", BridgeErrorCode.NameInUse),
        new(@"volume '[^']*' is currently in use", BridgeErrorCode.VolumeInUse),

        // Sources/Services/ContainerAPIService/Server/Networks/NetworksService.swift:160-163 ("network <id> already exists");
        // Sources/Services/ContainerAPIService/Client/NetworkClient.swift:116 ("network <id> not found", also what run/create
        // print for a missing --network); Sources/ContainerCommands/Network/NetworkDelete.swift:84-88 ("failed to delete one or
        // more networks: [...]" for a missing one) and 123-125 ("delete failed for one or more networks: [...]": the API server
        // refused, which for a network of ours means containers still refer to it, NetworksService.swift:262-268).
        new(@"network \S+ already exists", BridgeErrorCode.NameInUse),
        new(@"network \S+ not found|failed to delete one or more networks:|no network for id", BridgeErrorCode.NetworkNotFound),
        new(@"delete failed for one or more networks:|with referring containers", BridgeErrorCode.NetworkInUse),

        // Sources/Services/ContainerAPIService/Client/Utility.swift:300-304: --network other than default before macOS 26.
        new(@"non-default network configuration requires macOS 26", BridgeErrorCode.UnsupportedOption, "Networks other than the default need macOS 26 or newer."),

        // The registry refused (containerization 0.40.1 RegistryClient.swift:179-210: a 401/403 whose challenge is not a
        // Bearer one, such as an htpasswd registry's Basic, is thrown as invalidStatus "HTTP request to <url> failed with
        // response: 401 Unauthorized. Reason: invalidArgument: \"missing Bearer challenge in WWW-Authenticate header\"",
        // RegistryClient+Error.swift:24-32; a token refused: "Reason: access denied or wrong credentials"). The login prints it
        // as it is (RegistryLogin.swift@1.2.2:86-97); a push or pull without stored credentials gains ", no credentials found
        // for host <host>" (ImagesService.swift@1.2.2:414-447).
        new(@"failed with response: 40[13] |no credentials found for host", BridgeErrorCode.RegistryAuthRefused, RegistryLoginHint),

        // The registry cannot be reached: a name that does not resolve (RegistryClient.swift@0.40.1:235-246); a refused
        // connection, a TLS handshake with a plain-HTTP registry, a timeout: AsyncHTTPClient/NIO texts (not in the mirrored
        // sources; the words matched are those of POSIXErrorCode, NIOSSL's handshakeFailed and HTTPClientError).
        new(@"failed to resolve either repository hostname|Connection refused|handshakeFailed|No route to host|deadlineExceeded|connectTimeout", BridgeErrorCode.RegistryUnreachable),

        // Sources/ContainerCommands/Image/ImageInspect.swift:44-50 ("image not found: <refs>");
        // Sources/Services/ContainerAPIService/Client/ClientImage.swift:185-190 ("image with reference <ref>");
        // containerization 0.40.1 RegistryClient+Error.swift:24-32: the registry answered 404 (unknown manifest or name).
        new(@"image not found:|image with reference \S+|failed with response: 404 ", BridgeErrorCode.ImageNotFound),

        // Sources/Services/RuntimeLinux/Server/RuntimeService.swift:1005-1012 (EACCES on a host port below 1024).
        new(@"Permission denied while binding to host port", BridgeErrorCode.UnsupportedOption, "Publish on a host port of 1024 or above, or on 0.0.0.0 (ports below 1024 cannot be bound on 127.0.0.1)."),

        // Sources/ContainerCommands/Container/ProcessUtils.swift:25-29 ("container <id> is not running");
        // ContainersService.swift:38-46 ("no runtime client exists[: container is stopped]");
        // ContainerStart.swift:61-69 ("attach is currently unsupported on already running containers");
        // ContainersService.swift:835-840, 864-869 ("container <id> is <status> and can not be deleted").
        new(@"is not running|no runtime client exists|attach is currently unsupported on already running containers|can not be deleted", BridgeErrorCode.InvalidState),

        // Sources/Services/ContainerAPIService/Client/Parser.swift:245-258 ("invalid label format", "label cannot be an
        // empty string"), 454 (bind source not a directory), 616-670 (publish), 156-210 (env file), and
        // ContainerStart.swift:74-77 (a bind source that is gone); ContainersService.swift:326-334 (the 200 MiB floor).
        new(@"invalid label format|label cannot be an empty string|path '[^']*' is not a directory|mount source path '[^']*' does not exist|invalid publish|invalid mount|failed to read envfile|contains invalid utf8 bytes|contains whitespaces|no variable name on line|minimum memory amount allowed", BridgeErrorCode.InvalidSpec),

        // Sources/ContainerCommands/BuildCommand.swift:474-505 (context or Dockerfile missing).
        new(@"dockerfile not found in context dir|dockerfile does not exist|context dir does not exist", BridgeErrorCode.BuildFailed),
    ];

    /// <summary>Creates the classifier.</summary>
    public static ErrorClassifier Create() => new(AppleContainerRuntime.RuntimeName, Rules);
}
