namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Stopping: the graceful signal, the grace period, the tree kill, and the sweep of left-behind descendants.</summary>
internal sealed partial class CliProcess
{
    private static readonly TimeSpan TreePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Stops the process if it still runs: the request's graceful signal, up to its grace period, then a kill of the
    /// whole process tree and a bounded wait. Descendants seen while it ran are killed too when it exits on the signal
    /// but leaves them behind. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await WaitQuietlyAsync(_process.WaitForExitAsync(), _request.GracePeriod + KillWait + KillWait).ConfigureAwait(false);
            return;
        }

        if (HasExitedSafe())
        {
            return;
        }

        var descendants = new HashSet<ProcessIdentity>(ProcessTree.Descendants(_process.Id));
        if (!NativeSignals.TrySend(_process.Id, _request.CancelSignal)
            || !await WaitGracefullyAsync(descendants).ConfigureAwait(false))
        {
            KillTree();
            await WaitQuietlyAsync(_process.WaitForExitAsync(), KillWait).ConfigureAwait(false);
        }

        ProcessTree.Kill(descendants);
    }

    /// <summary>Waits up to the grace period for the exit, recording the descendants meanwhile; true when it exited.</summary>
    private async Task<bool> WaitGracefullyAsync(HashSet<ProcessIdentity> descendants)
    {
        var deadline = Environment.TickCount64 + (long)_request.GracePeriod.TotalMilliseconds;
        var exit = _process.WaitForExitAsync();
        while (true)
        {
            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                return HasExitedSafe();
            }

            if (await WaitQuietlyAsync(exit, TimeSpan.FromMilliseconds(Math.Min(remaining, TreePollInterval.TotalMilliseconds))).ConfigureAwait(false))
            {
                return true;
            }

            descendants.UnionWith(ProcessTree.Descendants(_process.Id));
        }
    }

    private void KillTree() => _process.KillTree();

    private bool HasExitedSafe() => _process.HasExited;
}
