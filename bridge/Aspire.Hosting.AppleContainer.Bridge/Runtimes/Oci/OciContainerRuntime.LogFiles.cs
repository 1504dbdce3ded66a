namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>
/// Following podman's <c>k8s-file</c> logs by reading the file itself. <c>podman logs --follow</c> on such a file
/// polls it, one process per follow; here one polling thread per runtime checks every followed file's size, and the
/// end comes from the exit stream that the runtime keeps anyway.
/// Everything else (docker, other drivers, rotated or unreadable files, a remote service) keeps <c>logs</c>.
/// </content>
internal sealed partial class OciContainerRuntime
{
    private static readonly TimeSpan LogFilePollInterval = TimeSpan.FromMilliseconds(100);

    private readonly OciLogFilePoller _logFiles = new(LogFilePollInterval);

    /// <summary>
    /// Whether podman runs its containers as processes of this Linux host, so their log files are local (refined by
    /// <see cref="DetectAsync"/>: a remote podman service keeps them elsewhere).
    /// </summary>
    private bool LogFilesAreLocal => _flavor == OciFlavor.Podman && _containersAreLocalProcesses;

    /// <summary>
    /// A follow of <paramref name="id"/>'s log file, or null when its logs must be read through the CLI (which then
    /// also reports a missing container, as <c>logs</c> does).
    /// </summary>
    private async Task<OciLogFollow?> TryFollowLogFileAsync(string id, CancellationToken cancellationToken)
    {
        if (!LogFilesAreLocal)
        {
            return null;
        }

        // Subscribe before inspecting: a death after the inspect then arrives as an event.
        var registration = _exits.Register(id);
        try
        {
            var source = await TryInspectLogSourceAsync(id, cancellationToken).ConfigureAwait(false);
            if (source is not null && source.ContainerId != id)
            {
                // Asked by name or short id, while events carry the full id: subscribe under it and look again.
                var full = _exits.Register(source.ContainerId);
                registration.Dispose();
                registration = full;
                source = await TryInspectLogSourceAsync(source.ContainerId, cancellationToken).ConfigureAwait(false);
            }

            if (source is not { IsFollowableFile: true } || OciLogFile.TryOpen(source.Path!) is not { } file)
            {
                return null;
            }

            var follow = new OciLogFollow(file, source, registration, _exits, _logFiles, InspectLogSourceAsync);
            registration = null;
            return follow;
        }
        finally
        {
            registration?.Dispose();
        }
    }

    private async Task<OciLogSource?> TryInspectLogSourceAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await InspectLogSourceAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException)
        {
            return null; // The CLI path reports it.
        }
    }

    /// <summary>The container's log details; null when it does not exist (or its details cannot be read).</summary>
    private async Task<OciLogSource?> InspectLogSourceAsync(string id, CancellationToken cancellationToken)
    {
        var arguments = _arguments.Inspect([id]);
        var result = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return OciInspectParser.ParseLogSource(result.StandardOutput);
        }

        var error = Fail(arguments, result, "inspect the container");
        return error.Code == BridgeErrorCode.ContainerNotFound ? null : throw error;
    }
}
