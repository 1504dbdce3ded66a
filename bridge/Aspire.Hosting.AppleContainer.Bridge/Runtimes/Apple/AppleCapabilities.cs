namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>What Apple's <c>container</c> 1.x can do, each declared from its sources (tags 1.0.0 … 1.2.2).</summary>
internal static class AppleCapabilities
{
    public static RuntimeCapabilities Instance { get; } = new()
    {
        // No exit code in ManagedContainer/ContainerStatus (ContainerStatus.swift @1.0.0): only containers this process
        // started through an attached observer have known codes, so the runtime itself does not report them.
        ReportsExitCodes = false,

        // Parser.publishPort @1.0.0: the host port is required ("<hostPort>:<containerPort>").
        RequiresExplicitHostPort = true,

        // RuntimeService.swift @1.2.2: "Binding to ports below 1024 requires root privileges" on 127.0.0.1.
        RejectsPrivilegedPortsOnLoopback = true,

        // Flags.swift @1.0.0: `--cpus` is an Int64 (whole vCPUs).
        SupportsFractionalCpus = false,

        // AttachmentConfiguration.swift @1.0.0 carries only a hostname; no aliases, no DNS between containers.
        SupportsNetworkAliases = false,

        // Flags.swift @1.0.0 `--tmpfs`, Filesystem.swift @1.0.0 `.tmpfs`.
        SupportsTmpfs = true,

        // ProcessIO.handleProcess @1.0.0 forwards SIGTERM/SIGINT from the exec CLI to the exec'd process only; what that
        // process started keeps running and the CLI offers no way to reach it, so cancellation cannot promise an end.
        SupportsExecCancellation = false,
    };
}
