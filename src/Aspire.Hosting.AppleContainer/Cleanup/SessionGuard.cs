using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Crash cleanup for the session, set up once before the first container is created: a sweep of containers left by
/// dead AppHosts, then the out-of-process watchdog that removes this session's containers if this process dies.
/// </summary>
internal sealed class SessionGuard : IAsyncDisposable
{
    private readonly IContainerRuntimeProvider _runtimes;
    private readonly AppleContainerSession _session;
    private readonly ILogger<SessionGuard> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _watchdog;
    private bool _started;

    /// <summary>Creates the guard.</summary>
    public SessionGuard(IContainerRuntimeProvider runtimes, AppleContainerSession session, ILogger<SessionGuard> logger)
    {
        _runtimes = runtimes;
        _session = session;
        _logger = logger;
    }

    /// <summary>The watchdog's process id, when it runs.</summary>
    public int? WatchdogProcessId => _watchdog?.Id;

    /// <summary>Sweeps and starts the watchdog the first time a usable runtime is found; later calls return at once.</summary>
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
            try
            {
                await SessionSweeper.SweepAsync(active.Runtime, _session.Id, _logger, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex)
            {
                _logger.LogWarning("Could not look for containers left by earlier AppHost runs: {Message}", ex.Message);
            }

            StartWatchdog(active);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the watchdog's pipe: it sweeps this session (normally already clean) and exits.</summary>
    public ValueTask DisposeAsync()
    {
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

        return ValueTask.CompletedTask;
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
        _logger.LogDebug("Started the cleanup watchdog (process {ProcessId}) for session {Session}.", _watchdog.Id, _session.Id);
    }
}
