using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Crash cleanup for the session, set up once before the first container is created: the out-of-process watchdog that
/// removes this session's containers if this process dies, and a background sweep of containers left by dead AppHosts
/// (it only touches other sessions' containers, so the first start does not wait for it).
/// </summary>
internal sealed class SessionGuard : IAsyncDisposable
{
    /// <summary>The sweep waits this long so it does not compete with the first starts for the CPU.</summary>
    private static readonly TimeSpan SweepDelay = TimeSpan.FromSeconds(2);

    private readonly IContainerRuntimeProvider _runtimes;
    private readonly AppHostSession _session;
    private readonly ILogger<SessionGuard> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _watchdog;
    private ChildProcessReport? _report;
    private Task? _sweep;
    private bool _started;

    /// <summary>Creates the guard.</summary>
    public SessionGuard(IContainerRuntimeProvider runtimes, AppHostSession session, ILogger<SessionGuard> logger)
    {
        _runtimes = runtimes;
        _session = session;
        _logger = logger;
    }

    /// <summary>The watchdog's process id, when it runs.</summary>
    public int? WatchdogProcessId => _watchdog?.Id;

    /// <summary>Starts the watchdog and the sweep the first time a usable runtime is found; later calls return at once.</summary>
    public async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started)
            {
                return;
            }

            ActiveRuntime active;
            try
            {
                active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException)
            {
                return; // Each resource reports the missing runtime itself; try again on the next start.
            }

            _started = true;
            StartWatchdog(active);
            _sweep = SweepAsync(active.Runtime, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for the sweep, then closes the watchdog's pipe: it sweeps this session (normally already clean) and exits.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_sweep is { } sweep)
        {
            await sweep.ConfigureAwait(false);
        }

        if (_report is { } report)
        {
            await report.DisposeAsync().ConfigureAwait(false);
            _report = null;
        }

        if (_watchdog is { } watchdog)
        {
            try
            {
                watchdog.StandardInput.Close();
            }
            catch (IOException)
            {
            }

            watchdog.Dispose();
            _watchdog = null;
        }
    }

    private async Task SweepAsync(IContainerRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SweepDelay, cancellationToken).ConfigureAwait(false);
            await SessionSweeper.SweepAsync(runtime, _session.Id, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping; the next run sweeps.
        }
        catch (BridgeException ex)
        {
            _logger.LogWarning("Could not look for containers left by earlier AppHost runs: {Message}", ex.Message);
        }
    }

    private void StartWatchdog(ActiveRuntime active)
    {
        var watchdogPath = WatchdogLauncher.FindWatchdog();
        var host = WatchdogLauncher.FindDotNetHost();
        if (watchdogPath is null || host is null)
        {
            _logger.LogWarning("The cleanup watchdog was not found next to the integration; session containers of a crashed AppHost are removed by the next run's sweep only.");
            return;
        }

        _watchdog = WatchdogLauncher.Start(host, watchdogPath, _session.Id, active.Runtime.Name, active.Info.ExecutablePath);
        _report = new ChildProcessReport(_watchdog);
        _logger.LogDebug("Started the cleanup watchdog (process {ProcessId}) for session {Session}.", _watchdog.Id, _session.Id);
    }
}
