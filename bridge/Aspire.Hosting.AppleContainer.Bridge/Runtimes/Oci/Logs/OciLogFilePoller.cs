using Microsoft.Win32.SafeHandles;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// One polling thread per runtime that tells every waiting log follower when its file changed size: each tick costs
/// one <c>fstat</c> per followed file, with no process or inotify instance per container (a <c>FileSystemWatcher</c>
/// takes one inotify instance each, of a per-user limit of 128 by default). A thread of its own that sleeps between
/// ticks, rather than a timer: a timer tick wakes a thread-pool worker, which spins before it sleeps again (the
/// figures are in eng/bench/README.md). The thread runs only while someone waits.
/// </summary>
internal sealed class OciLogFilePoller
{
    private readonly TimeSpan _interval;
    private readonly object _gate = new();
    private readonly HashSet<Watch> _watches = [];
    private readonly List<Watch> _due = [];
    private bool _ticking;

    /// <summary>Creates the poller checking every <paramref name="interval"/>.</summary>
    public OciLogFilePoller(TimeSpan interval) => _interval = interval;

    /// <summary>
    /// Watches the file behind <paramref name="handle"/>: <see cref="Watch.Changed"/> completes once its length is no
    /// longer <paramref name="length"/> (or it cannot be read any more). Dispose the watch when done.
    /// </summary>
    public Watch WatchLength(SafeFileHandle handle, long length)
    {
        var watch = new Watch(this, handle, length);
        lock (_gate)
        {
            _watches.Add(watch);
            if (!_ticking)
            {
                _ticking = true;
                new Thread(Tick) { IsBackground = true, Name = "OCI log file poller" }.Start();
            }
        }

        return watch;
    }

    private void Tick()
    {
        while (true)
        {
            Thread.Sleep(_interval);
            lock (_gate)
            {
                if (_watches.Count == 0)
                {
                    _ticking = false;
                    return;
                }

                _due.Clear();
                _due.AddRange(_watches);
            }

            foreach (var watch in _due)
            {
                watch.Check();
            }
        }
    }

    private void Remove(Watch watch)
    {
        lock (_gate)
        {
            _watches.Remove(watch);
        }
    }

    /// <summary>One follower's wait for its file to change.</summary>
    internal sealed class Watch : IDisposable
    {
        private readonly OciLogFilePoller _poller;
        private readonly SafeFileHandle _handle;
        private readonly long _length;
        private readonly TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Watch(OciLogFilePoller poller, SafeFileHandle handle, long length)
        {
            (_poller, _handle, _length) = (poller, handle, length);
        }

        /// <summary>Completes when the file's length differs from the one watched.</summary>
        public Task Changed => _changed.Task;

        /// <inheritdoc />
        public void Dispose() => _poller.Remove(this);

        internal void Check()
        {
            try
            {
                if (RandomAccess.GetLength(_handle) == _length)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                // Closed or unreadable: wake the follower, which finds out for itself.
            }

            _poller.Remove(this);
            _changed.TrySetResult();
        }
    }
}
