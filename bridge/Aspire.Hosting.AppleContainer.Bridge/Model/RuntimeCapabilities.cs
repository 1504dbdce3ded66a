namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// What a runtime can and cannot do. Callers ask these, never the runtime's name, so the layers above adapt to a
/// runtime without naming it.
/// </summary>
internal sealed record RuntimeCapabilities
{
    /// <summary>The runtime reports exit codes of detached containers after the fact.</summary>
    public required bool ReportsExitCodes { get; init; }



    /// <summary>Publishing a port needs an explicit host port (no runtime-chosen ports).</summary>
    public required bool RequiresExplicitHostPort { get; init; }

    /// <summary>Host ports below 1024 cannot be bound on a loopback address.</summary>
    public required bool RejectsPrivilegedPortsOnLoopback { get; init; }

    /// <summary>CPU limits may be fractional; otherwise whole CPUs only.</summary>
    public required bool SupportsFractionalCpus { get; init; }


    /// <summary>Containers on one network resolve each other by name or alias.</summary>
    public required bool SupportsNetworkAliases { get; init; }

    /// <summary>tmpfs mounts are honoured.</summary>
    public required bool SupportsTmpfs { get; init; }

    /// <summary>An exec'd process can be stopped by canceling the exec.</summary>
    public required bool SupportsExecCancellation { get; init; }


}
