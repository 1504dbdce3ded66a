namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The Apple dialect's stderr table. The CLI prints a failure as <c>Error: &lt;code&gt;: "&lt;message&gt;"</c>
/// (swift-argument-parser's <c>exit(withError:)</c>; example in docs/how-to.md @1.0.0) and exits non-zero, so rules
/// match the message text, each copied from the apple/container source file and tag cited next to it.
/// </summary>
public static class AppleErrorClassifier
{
    /// <summary>The remedy when the API server cannot be reached.</summary>
    public const string SystemStartHint = "run `container system start`";

    /// <summary>The remedy when the BuildKit builder is not running.</summary>
    public const string BuilderStartHint = "run `container builder start`";

    /// <summary>The ordered rules (first match wins).</summary>
    public static IReadOnlyList<ClassifierRule> Rules { get; } =
    [
        // Sources/ContainerXPC/XPCClient.swift @1.0.0 ("XPC connection error: ..."); Sources/ContainerCommands/Application.swift
        // @1.0.0 appends "Ensure container system service has been started with `container system start`." (same @1.2.2).
        new(@"XPC connection error|Ensure container system service has been started", BridgeErrorCode.RuntimeNotRunning, SystemStartHint),

        // Sources/ContainerCommands/System/SystemStatus.swift @1.0.0 (table output of `system status`).
        new(@"apiserver is not running", BridgeErrorCode.RuntimeNotRunning, SystemStartHint),

        // Sources/ContainerCommands/BuildCommand.swift @1.0.0: "builder is not running", "Timeout waiting for connection to builder";
        // Sources/ContainerCommands/Builder/BuilderStart.swift @1.0.0: "builder is stopping, please wait ...", "failed to start BuildKit: ...".
        new(@"builder is not running|Timeout waiting for connection to builder|builder is stopping|failed to start BuildKit", BridgeErrorCode.BuilderUnavailable, BuilderStartHint),

        // Sources/ContainerCommands/Container/ContainerInspect.swift @1.0.0 ("container not found: <ids>");
        // Sources/Services/ContainerAPIService/Client/ContainerClient.swift @1.0.0 ("get failed: container <id> not found");
        // Sources/Services/ContainerAPIService/Server/Containers/ContainersService.swift @1.0.0 ("container with ID <id> not found").
        new(@"container not found:|get failed: container \S+ not found|container with ID \S+ not found", BridgeErrorCode.ContainerNotFound),

        // ContainersService.swift @1.0.0 ("container already exists: <id>"); ContainerRun.swift @1.0.0 ("container with id <id> already exists").
        new(@"container already exists:|container with id \S+ already exists", BridgeErrorCode.NameInUse),

        // Sources/ContainerResource/Volume/VolumeConfiguration.swift @1.0.0 (VolumeError) and VolumeInspect.swift ("volume not found: <names>").
        new(@"volume '[^']*' not found|volume not found:", BridgeErrorCode.VolumeNotFound),
        new(@"volume '[^']*' already exists", BridgeErrorCode.NameInUse),
        new(@"volume '[^']*' is currently in use", BridgeErrorCode.VolumeInUse),

        // Sources/ContainerCommands/Image/ImageInspect.swift @1.0.0 ("image not found: <refs>");
        // Sources/Services/ContainerAPIService/Client/ClientImage.swift @1.0.0 (notFound "image with reference <ref>").
        new(@"image not found:|notFound: ""image with reference", BridgeErrorCode.ImageNotFound),

        // Sources/Services/RuntimeLinux/Server/RuntimeService.swift @1.2.2 (EACCES on a host port below 1024).
        new(@"Permission denied while binding to host port", BridgeErrorCode.UnsupportedOption, "Publish on a host port of 1024 or above, or on 0.0.0.0 (ports below 1024 cannot be bound on 127.0.0.1)."),

        // Sources/ContainerCommands/Container/ProcessUtils.swift @1.0.0 ("container <id> is not running");
        // ContainersService.swift @1.0.0 ("no runtime client exists: container is stopped");
        // ContainerStart.swift @1.0.0 ("attach is currently unsupported on already running containers");
        // ContainersService.delete @1.0.0 ("container <id> is running and can not be deleted").
        new(@"is not running|no runtime client exists|attach is currently unsupported on already running containers|can not be deleted", BridgeErrorCode.InvalidState),

        // Sources/ContainerResource/Common/ResourceLabels.swift @1.0.0 (AppError codes) and
        // Sources/Services/ContainerAPIService/Client/Parser.swift @1.0.0 ("invalid label format", "label cannot be an empty string").
        new(@"invalid_label_key_content|invalid_label_key_length|invalid_label_length|invalid label format|label cannot be an empty string", BridgeErrorCode.InvalidSpec),

        // Parser.swift @1.0.0: mount, publish and env-file messages.
        new(@"invalid mount format|unsupported mount type|path '[^']*' (does not exist|is not a directory)|mount source path '[^']*' does not exist|invalid publish|invalid volume name|failed to read envfile|contains whitespaces|no variable name on line", BridgeErrorCode.InvalidSpec),

        // Sources/ContainerCommands/BuildCommand.swift @1.0.0 ("dockerfile not found in context dir").
        new(@"dockerfile not found in context dir", BridgeErrorCode.BuildFailed),
    ];

    /// <summary>Creates the classifier.</summary>
    public static ErrorClassifier Create() => new(AppleContainerRuntime.RuntimeName, Rules);
}
