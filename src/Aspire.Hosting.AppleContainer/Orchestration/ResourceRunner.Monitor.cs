using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Log streaming, exit detection and shutdown.</summary>
internal sealed partial class ResourceRunner
{
    private static readonly TimeSpan LogDrainLimit = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan FirstWaitRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastWaitRetry = TimeSpan.FromSeconds(30);
    private CancellationTokenSource? _monitorCancellation;
    private Task? _monitor;
    private volatile bool _exitPublished;

    /// <summary>
    /// Stops watching and, for a session container, stops and removes it with the volumes named for its anonymous
    /// mounts; a persistent container keeps running.
    /// Never throws: shutdown continues with the other resources whatever happens here.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        var entered = false;
        try
        {
            await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
            entered = true;
            if (_monitorCancellation is { } monitorCancellation)
            {
                await monitorCancellation.CancelAsync().ConfigureAwait(false);
            }

            if (_runtime is not { } runtime || _containerId is not { } id || IsPersistent)
            {
                return;
            }

            await runtime.StopContainerAsync(id, TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            await runtime.RemoveContainerAsync(id, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerId = null;
            foreach (var volume in _spec?.Mounts.Where(m => RunSpecFactory.IsAnonymousVolume(_spec, m)) ?? [])
            {
                await runtime.RemoveVolumeAsync(volume.Source!, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is BridgeException or OperationCanceledException)
        {
            var failure = ex as BridgeException ?? new BridgeException(
                BridgeErrorCode.Timeout, $"Removing the container of '{Resource.Name}' did not finish before the AppHost stopped.", ex);
            _logger.LogWarning("The container of '{Resource}' could not be removed: {Diagnostic}", Resource.Name, DiagnosticCatalog.Describe(failure).ToString());
        }
        finally
        {
            if (entered)
            {
                _lifecycle.Release();
            }
        }
    }

    private void StartMonitor(IContainerRuntime runtime, string id)
    {
        _monitorCancellation?.Dispose();
        var cancellation = new CancellationTokenSource();
        _monitorCancellation = cancellation;
        _exitPublished = false;
        _monitor = Task.Run(() => MonitorAsync(runtime, id, cancellation.Token), CancellationToken.None);
    }

    private async Task MonitorAsync(IContainerRuntime runtime, string id, CancellationToken cancellationToken)
    {
        var logs = StreamLogsAsync(runtime, id, cancellationToken);
        ContainerExit exit;
        string? lostTrack = null;
        try
        {
            exit = await WatchForExitAsync(runtime, id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (BridgeException ex)
        {
            // The coded diagnostic goes on the resource (e.g. ACTR1002 when the runtime stopped); a restart recreates it.
            lostTrack = DiagnosticCatalog.Describe(ex).ToString();
            _logger.LogWarning("Lost track of the container of '{Resource}': {Diagnostic}", Resource.Name, lostTrack);
            exit = new ContainerExit(null);
        }

        await Task.WhenAny(logs, Task.Delay(LogDrainLimit, CancellationToken.None)).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await PublishExitAsync(exit, lostTrack).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the container's exit. A wait that fails (its event stream broke, its CLI failed) does not end the watch
    /// while the runtime still answers: an inspect tells whether the container ended meanwhile (its exit, code included,
    /// then comes from there) or still runs (the wait starts again, backing off). Only when the runtime cannot tell
    /// (the inspect fails too, e.g. the runtime stopped) is track lost, with that failure.
    /// </summary>
    private async Task<ContainerExit> WatchForExitAsync(IContainerRuntime runtime, string id, CancellationToken cancellationToken)
    {
        for (var retry = FirstWaitRetry; ; retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastWaitRetry.Ticks)))
        {
            try
            {
                return await runtime.WaitForExitAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var info = await runtime.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
                if (info.State is ContainerState.Exited or ContainerState.Dead or ContainerState.Removing)
                {
                    return new ContainerExit(info.ExitCode, info.FinishedAt);
                }

                _logger.LogDebug("Waiting for the container of '{Resource}' failed while it runs; watching it again: {Message}", Resource.Name, ex.Message);
                await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Shows the container as exited (with the diagnostic that explains an unknown end) and announces that it stopped.</summary>
    private async Task PublishExitAsync(ContainerExit exit, string? diagnostic)
    {
        var snapshot = await PublishAsync(s => ResourceSnapshots.Exited(s, exit) is var exited && diagnostic is not null
            ? exited with { Properties = ResourceSnapshots.WithProperties(exited.Properties, new Dictionary<string, object?> { ["applecontainer.error"] = diagnostic }) }
            : exited).ConfigureAwait(false);
        _exitPublished = true;
        await AnnounceStoppedAsync(snapshot).ConfigureAwait(false);
    }

    private async Task StreamLogsAsync(IContainerRuntime runtime, string id, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in runtime.GetLogsAsync(id, follow: true, cancellationToken).ConfigureAwait(false))
            {
                if (line.Stream == LogStream.StandardError)
                {
                    _logger.LogError("{Line}", line.Text);
                }
                else
                {
                    _logger.LogInformation("{Line}", line.Text);
                }
            }
        }
        catch (Exception ex) when (ex is BridgeException or OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("The log stream of '{Resource}' ended: {Message}", Resource.Name, ex.Message);
            }
        }
    }
}
