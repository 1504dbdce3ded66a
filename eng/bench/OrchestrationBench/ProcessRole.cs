namespace OrchestrationBench;

/// <summary>What a process in an AppHost's tree does for it (see <see cref="ProcessTree"/>).</summary>
internal enum ProcessRole
{
    /// <summary>The AppHost process itself.</summary>
    AppHost,

    /// <summary>The integration's cleanup watchdog (its command line names <c>AppleContainer.Watchdog</c>).</summary>
    Watchdog,

    /// <summary>DCP (<c>dcp</c>, <c>dcpctrl</c>, <c>dcpproc</c>…), found by <c>--monitor &lt;AppHost pid&gt;</c>, with its descendants.</summary>
    Dcp,

    /// <summary>
    /// A container runtime CLI (<c>podman</c>, <c>docker</c>, <c>container</c>), whoever started it, and what it starts
    /// while it runs (conmon before it detaches, network helpers).
    /// </summary>
    RuntimeCli,

    /// <summary>Any other descendant.</summary>
    Other,
}
