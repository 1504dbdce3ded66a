namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// Everything needed to create one container, independent of the runtime. Validate with
/// <see cref="RunSpecValidator"/>; a runtime rejects what it cannot honour with
/// <see cref="BridgeErrorCode.UnsupportedOption"/> rather than dropping it.
/// </summary>
internal sealed record RunSpec
{
    /// <summary>The container name; also its id on runtimes that use names as ids.</summary>
    public required string Name { get; init; }

    /// <summary>The image reference (<c>name[:tag][@digest]</c>).</summary>
    public required string Image { get; init; }

    /// <summary>Overrides the image's entrypoint: the executable followed by its leading arguments.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Arguments passed after the image (the command).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// The indexes into <see cref="Args"/> of the arguments built from secret values (ascending). A container's
    /// arguments reach its process only as argv, and no runtime CLI reads them from a file or stdin, so these travel on
    /// the short-lived create/run argv alone: they are redacted wherever that argv is logged or reported
    /// (<see cref="Cli.CliArgvRedaction"/>) and masked in snapshots.
    /// </summary>
    public IReadOnlyList<int> SecretArgs { get; init; } = [];

    /// <summary>Plain environment variables. They may appear in inspect output but never on a process argv.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Secret environment variables. They reach the runtime through a 0600 env file deleted right after use, never
    /// on an argv, and are never logged.
    /// </summary>
    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The working directory of the container process.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The user (<c>name|uid[:gid]</c>) of the container process.</summary>
    public string? User { get; init; }

    /// <summary>Ports published on the host.</summary>
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    /// <summary>Bind mounts, named volumes and tmpfs mounts.</summary>
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>
    /// Files placed into the container before its entrypoint runs, with their owners and modes (Aspire's
    /// <c>WithContainerFiles</c>): podman and docker copy a tar into the created container; Apple's runtime, which copies
    /// only into a running one, runs a derived image holding them.
    /// </summary>
    public IReadOnlyList<ContainerFileSet> Files { get; init; } = [];

    /// <summary>Labels; keys are normalised and values encoded by <see cref="LabelCodec"/> in every dialect.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>CPU limit in (possibly fractional) CPUs.</summary>
    public double? Cpus { get; init; }

    /// <summary>Memory limit in bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>The network to attach to; the runtime's default when null.</summary>
    public string? Network { get; init; }

    /// <summary>Additional network aliases the container answers to on <see cref="Network"/>.</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary>DNS servers for the container.</summary>
    public IReadOnlyList<string> Dns { get; init; } = [];

    /// <summary>Run an init process as PID 1 that reaps zombies and forwards signals.</summary>
    public bool Init { get; init; }

    /// <summary>The platform (<c>os/arch[/variant]</c>) of the image to run.</summary>
    public string? Platform { get; init; }

    /// <summary>Mount the root filesystem read-only.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>
    /// The container is meant to outlive the process that starts it (Aspire's persistent lifetime), so nothing of it may
    /// depend on that process. On Apple's runtime it is started detached: its exit code is then not observed (reported
    /// as unknown), and its log keeps growing after the AppHost ends.
    /// </summary>
    public bool Persistent { get; init; }
}
