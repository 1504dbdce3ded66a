namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>What Apple's <c>container</c> 1.x can do, each declared from its sources (tags 1.0.0 … 1.2.2).</summary>
internal static class AppleCapabilities
{
    /// <summary>The default RAM of a container VM: <c>memoryInBytes</c> defaults to 1 GiB (ContainerConfiguration.swift @1.0.0).</summary>
    public const long DefaultMemoryBytes = 1024L * 1024 * 1024;

    public static RuntimeCapabilities Instance { get; } = new()
    {
        // No exit code in ManagedContainer/ContainerStatus (ContainerStatus.swift @1.0.0): only containers this process
        // started through an attached observer have known codes, so the runtime itself does not report them.
        ReportsExitCodes = false,

        // No `events` command (Sources/ContainerCommands/Application.swift @1.0.0 lists the verbs).
        HasEvents = false,

        // ContainerConfiguration.swift @1.0.0 has no health check; HEALTHCHECK is not run by the runtime.
        HasHealthChecks = false,

        // Parser.publishPort @1.0.0: the host port is required ("<hostPort>:<containerPort>").
        RequiresExplicitHostPort = true,

        // RuntimeService.swift @1.2.2: "Binding to ports below 1024 requires root privileges" on 127.0.0.1.
        RejectsPrivilegedPortsOnLoopback = true,

        // Flags.swift @1.0.0: `--cpus` is an Int64 (whole vCPUs).
        SupportsFractionalCpus = false,

        // A named volume is an ext4 image (VolumeConfiguration.swift @1.0.0, format "ext4"); two VMs writing it corrupt it.
        NamedVolumesSingleWriter = true,

        // AttachmentConfiguration.swift @1.0.0 carries only a hostname; no aliases, no DNS between containers.
        SupportsNetworkAliases = false,

        // Flags.swift @1.0.0 `--tmpfs`, Filesystem.swift @1.0.0 `.tmpfs`.
        SupportsTmpfs = true,

        // ProcessIO.handleProcess @1.0.0 forwards SIGTERM/SIGINT from the exec CLI to the exec'd process only; what that
        // process started keeps running and the CLI offers no way to reach it, so cancellation cannot promise an end.
        SupportsExecCancellation = false,

        // One lightweight VM per container (README.md @1.0.0).
        ContainerIsVirtualMachine = true,
        DefaultMemoryBytes = DefaultMemoryBytes,
    };
}
