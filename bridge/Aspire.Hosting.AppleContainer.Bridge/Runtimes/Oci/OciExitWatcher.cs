using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// One <c>events</c> process per runtime, shared by every exit wait in flight, instead of one <c>wait</c> process per
/// container (podman 4's <c>wait</c> polls the container every 250 ms, so each idle wait would be a poller). The stream
/// runs only while someone waits; it replays the last seconds on start, so a death between a waiter's inspect and the
/// stream's subscription is not missed.
/// </summary>
internal sealed class OciExitWatcher
{
    private readonly CliInvoker _invoker;
    private readonly IReadOnlyList<string> _arguments;
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<TaskCompletionSource<int?>>> _waiters = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stream;

    /// <summary>Creates the watcher running <paramref name="eventsArguments"/> (see <see cref="OciArguments.ExitEvents"/>).</summary>
    public OciExitWatcher(CliInvoker invoker, IReadOnlyList<string> eventsArguments)
    {
        _invoker = invoker;
        _arguments = eventsArguments;
    }

    /// <summary>Whether the events process is running (for tests).</summary>
    public bool IsStreaming
    {
        get
        {
            lock (_gate)
            {
                return _stream is not null;
            }
        }
    }

    /// <summary>
    /// Subscribes to the death of the container with full id <paramref name="containerId"/>: the returned task completes
    /// with the event's exit code, or fails with <see cref="OciExitStreamLostException"/> when the stream ended.
    /// Dispose the registration when done; the stream stops with its last registration.
    /// </summary>
    public Registration Register(string containerId)
    {
        var completion = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_waiters.TryGetValue(containerId, out var set))
            {
                _waiters[containerId] = set = [];
            }

            set.Add(completion);
            if (_stream is null)
            {
                var stream = new CancellationTokenSource();
                _stream = stream;
                _ = Task.Run(() => PumpAsync(stream));
            }
        }

        return new Registration(this, containerId, completion);
    }

    private void Unregister(string containerId, TaskCompletionSource<int?> completion)
    {
        CancellationTokenSource? idle = null;
        lock (_gate)
        {
            if (_waiters.TryGetValue(containerId, out var set) && set.Remove(completion) && set.Count == 0)
            {
                _waiters.Remove(containerId);
            }

            if (_waiters.Count == 0 && _stream is not null)
            {
                (idle, _stream) = (_stream, null);
            }
        }

        idle?.Cancel();
    }

    private async Task PumpAsync(CancellationTokenSource stream)
    {
        var request = _invoker.CreateRequest(_arguments) with
        {
            Timeout = null,
            CancelSignal = ProcessSignal.Terminate,
            GracePeriod = TimeSpan.FromSeconds(1),
        };
        try
        {
            await foreach (var item in _invoker.Runner.StreamLinesAsync(request, stream.Token).ConfigureAwait(false))
            {
                if (item.ExitCode is null && item.Line.Stream == LogStream.StandardOutput && OciExitEvent.TryParse(item.Line.Text) is { } exit)
                {
                    Complete(exit);
                }
            }
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            return; // Stopped because nobody waits any more.
        }
        catch (BridgeException)
        {
            // The CLI failed; the waiters are told below and decide how to go on.
        }

        List<TaskCompletionSource<int?>> orphans;
        lock (_gate)
        {
            if (ReferenceEquals(_stream, stream))
            {
                _stream = null;
            }

            orphans = [.. _waiters.Values.SelectMany(set => set)];
        }

        foreach (var orphan in orphans)
        {
            orphan.TrySetException(new OciExitStreamLostException());
        }
    }

    private void Complete(OciExitEvent exit)
    {
        List<TaskCompletionSource<int?>> waiting;
        lock (_gate)
        {
            waiting = _waiters.TryGetValue(exit.ContainerId, out var set) ? [.. set] : [];
        }

        foreach (var completion in waiting)
        {
            completion.TrySetResult(exit.ExitCode);
        }
    }

    /// <summary>One waiter's subscription.</summary>
    internal sealed class Registration : IDisposable
    {
        private readonly OciExitWatcher _watcher;
        private readonly string _containerId;
        private readonly TaskCompletionSource<int?> _completion;

        public Registration(OciExitWatcher watcher, string containerId, TaskCompletionSource<int?> completion)
        {
            (_watcher, _containerId, _completion) = (watcher, containerId, completion);
        }

        /// <summary>Completes with the exit code of the container's death event.</summary>
        public Task<int?> Exited => _completion.Task;

        /// <inheritdoc />
        public void Dispose() => _watcher.Unregister(_containerId, _completion);
    }
}
