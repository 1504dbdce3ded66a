namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// Where a container's output is kept, from <c>container inspect</c>: podman 4 reports the driver, the file and its
/// size limit under <c>HostConfig.LogConfig</c> (<c>Type</c>, <c>Path</c>, <c>Size</c>: <c>0B</c> when unlimited); docker
/// reports only the driver there (<c>json-file</c>, whose file is the daemon's), so its output is read through the CLI.
/// </summary>
/// <param name="ContainerId">The full container id.</param>
/// <param name="State">The container's state.</param>
/// <param name="StartedAt">The start of its current (or last) run, as the runtime printed it; tells runs apart.</param>
/// <param name="Driver">The log driver (<c>k8s-file</c>, <c>journald</c>, <c>json-file</c>...).</param>
/// <param name="Path">The log file, when the driver keeps one.</param>
/// <param name="SizeLimit">The file's size limit as printed (rotation above it), when reported.</param>
internal sealed record OciLogSource(string ContainerId, ContainerState State, string? StartedAt, string? Driver, string? Path, string? SizeLimit)
{
    /// <summary>
    /// Whether the file can be followed directly: a CRI file (<c>k8s-file</c>) that is never rotated, so it only
    /// grows (a restart appends to it; removal unlinks it).
    /// </summary>
    public bool IsFollowableFile =>
        Driver == "k8s-file" && !string.IsNullOrEmpty(Path) && SizeLimit is null or "" or "0B" or "0";

    /// <summary>Whether the container's process runs, so more output may come (what <c>logs --follow</c> waits for).</summary>
    public bool IsRunning => State is ContainerState.Running or ContainerState.Paused;
}
