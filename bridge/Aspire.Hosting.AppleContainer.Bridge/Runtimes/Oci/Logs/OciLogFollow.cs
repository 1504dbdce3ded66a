using System.Runtime.CompilerServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// <c>logs --follow</c> without a process: reads a container's CRI log file from its start, then what is appended,
/// and ends as podman's follow does: once the run it started on has ended (after the rest of the file), or at once
/// after the existing output when the container was not running. The end comes from the runtime's shared exit
/// stream (<see cref="OciExitWatcher"/>), confirmed with an inspect, since the stream replays the deaths of the last
/// seconds and an earlier run's death must not end the follow. Growth is noticed through the shared
/// <see cref="OciLogFilePoller"/>, or within milliseconds while a burst is being written.
/// </summary>
internal sealed class OciLogFollow : IDisposable
{
    private static readonly TimeSpan BurstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StreamLossRetry = TimeSpan.FromSeconds(2);

    private readonly OciLogFile _file;
    private readonly OciExitWatcher _exits;
    private readonly OciLogFilePoller _poller;
    private readonly Func<string, CancellationToken, Task<OciLogSource?>> _inspect;
    private readonly string _containerId;
    private readonly string? _startedAt;
    private OciExitWatcher.Registration _registration;
    private Task _exitCheck;
    private bool _running;

    /// <summary>
    /// Follows <paramref name="file"/> of the container described by <paramref name="source"/>, taking over
    /// <paramref name="registration"/> (made for its full id before <paramref name="source"/> was inspected).
    /// </summary>
    /// <param name="file">The opened log file (owned from now on).</param>
    /// <param name="source">The container as inspected when the follow began.</param>
    /// <param name="registration">The container's exit subscription (owned from now on).</param>
    /// <param name="exits">The runtime's exit watcher, to subscribe again.</param>
    /// <param name="poller">The runtime's file poller.</param>
    /// <param name="inspect">Inspects the container; null when it no longer exists.</param>
    public OciLogFollow(
        OciLogFile file,
        OciLogSource source,
        OciExitWatcher.Registration registration,
        OciExitWatcher exits,
        OciLogFilePoller poller,
        Func<string, CancellationToken, Task<OciLogSource?>> inspect)
    {
        (_file, _registration, _exits, _poller, _inspect) = (file, registration, exits, poller, inspect);
        (_containerId, _startedAt, _running) = (source.ContainerId, source.StartedAt, source.IsRunning);
        _exitCheck = registration.Exited;
    }

    /// <summary>The container's lines, in the order they were written; canceling ends it with an <see cref="OperationCanceledException"/> carrying the token.</summary>
    public async IAsyncEnumerable<ContainerLogLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = new List<ContainerLogLine>(1024);
        while (true)
        {
            var readAny = false;
            cancellationToken.ThrowIfCancellationRequested();
            while (_file.Read(lines))
            {
                readAny = true;
                foreach (var line in lines)
                {
                    yield return line;
                }

                lines.Clear();
            }

            if (!_running)
            {
                _file.Complete(lines);
                foreach (var line in lines)
                {
                    yield return line;
                }

                yield break;
            }

            await WaitAsync(readAny, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _registration.Dispose();
        _file.Dispose();
    }

    /// <summary>Waits until the file may have grown or the container may have stopped.</summary>
    private async Task WaitAsync(bool readAny, CancellationToken cancellationToken)
    {
        using var watch = readAny ? null : _poller.WatchLength(_file.Handle, _file.Position);
        var changed = watch?.Changed ?? Task.Delay(BurstPause, cancellationToken);
        if (await Task.WhenAny(changed, _exitCheck).WaitAsync(cancellationToken).ConfigureAwait(false) == _exitCheck)
        {
            await CheckRunningAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a death event: subscribes again first (so a death from now on is seen), then asks whether the run that
    /// the follow began on still goes on. When the event stream was lost, looks again a little later instead.
    /// </summary>
    private async Task CheckRunningAsync(CancellationToken cancellationToken)
    {
        if (_exitCheck.IsFaulted)
        {
            _exitCheck = Task.Delay(StreamLossRetry, cancellationToken);
            return;
        }

        var renewed = _exits.Register(_containerId);
        OciLogSource? now;
        try
        {
            now = await _inspect(_containerId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            renewed.Dispose();
            throw;
        }

        _registration.Dispose();
        (_registration, _exitCheck) = (renewed, renewed.Exited);
        _running = now is { IsRunning: true } && now.StartedAt == _startedAt; // Restarted since: that run ended, as podman's follow does.
    }
}
