using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>
/// Start: one id per call, through the VM gate. A session container is started by an attached observer, which ends
/// with its exit status. A persistent one (<see cref="RunSpec.Persistent"/>) is started detached: the runtime helper
/// relays the container's output to the attached CLI before the log file and drops what a dead reader cannot take
/// (RuntimeService.swift@1.2.2:241-256, 1499-1517; containerization LinuxProcess.swift@0.40.1:163-195), so an observer
/// that outlived the AppHost, or was ended with it, would silence the log of a container that keeps running.
/// </content>
internal sealed partial class AppleContainerRuntime
{
    private static readonly TimeSpan FirstStartPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SlowestStartPoll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public async Task<ContainerInfo> StartContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var info = await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        if (info.State == ContainerState.Running)
        {
            // Idempotent; and `start --attach` of a running container fails (ContainerStart.swift @1.0.0).
            return info;
        }

        await ThrowOnVolumeConflictAsync(id, info.Mounts, cancellationToken).ConfigureAwait(false);
        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!_options.ObserveExitCodes || AppleArguments.IsPersistent(info.Labels))
            {
                await _invoker.RunAsync(AppleArguments.Start(id), "start the container", cancellationToken, _options.StartTimeout).ConfigureAwait(false);
                _observers.MarkRan(id);
            }
            else
            {
                var started = await StartObservedAsync(id, cancellationToken).ConfigureAwait(false);
                _observers.MarkRan(id);
                return started;
            }
        }

        // A detached start prints nothing to tell; the container is asked once it runs.
        return await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Launches <c>start --attach</c> and returns the container once it runs (or already ran and exited). The observer is
    /// left running after the call: it ends with the container. On timeout or cancellation it is left running too, since
    /// it owns a start in progress (ContainerStart.swift @1.0.0 stops the container itself if the start fails).
    /// </summary>
    private async Task<ContainerInfo> StartObservedAsync(string id, CancellationToken cancellationToken)
    {
        var arguments = AppleArguments.StartAttached(id);
        var output = new AppleCapturedOutput(_observers.Observer(id)?.Output);
        var launchedAt = DateTimeOffset.UtcNow;
        var observer = AppleExitObserver.Start(_invoker.CreateRequest(arguments), output);
        _observers.Add(id, observer);
        _ = SettleWhenEndedAsync(id, observer);
        var watch = Stopwatch.StartNew();
        var delay = FirstStartPoll;
        while (true)
        {
            var ended = observer.Completion.IsCompleted;
            var info = await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var ranNow = info.StartedAt is { } started && started >= launchedAt.AddSeconds(-1);
            if (info.State == ContainerState.Running || (ranNow && info.State is ContainerState.Exited or ContainerState.Stopping))
            {
                return info;
            }

            if (ended)
            {
                _observers.Remove(id);
                var exit = await observer.Completion.ConfigureAwait(false);
                throw _invoker.Classifier.CreateException(_invoker.Argv(arguments), exit.ObserverExitCode, exit.StandardErrorTail, "start the container");
            }

            if (watch.Elapsed > _options.StartTimeout)
            {
                throw new BridgeException(BridgeErrorCode.Timeout, $"The container '{id}' did not start within {_options.StartTimeout.TotalSeconds:0} s.")
                {
                    Runtime = Name, Arguments = _invoker.Argv(arguments), Hint = "VM boots slow down when many run at once; lower MaxConcurrentVmTransitions.",
                };
            }

            await WaitQuietlyAsync(observer.Completion, delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, SlowestStartPoll.Ticks));
        }
    }

    /// <summary>When the observer ends: one inspect decides whether its code is the container's.</summary>
    private async Task SettleWhenEndedAsync(string id, AppleExitObserver observer)
    {
        await observer.Completion.ConfigureAwait(false);
        try
        {
            await SettleAsync(id, observer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BridgeException)
        {
            // The service is unreachable; the record stays unconfirmed (exit code unknown).
        }
    }

    /// <summary>
    /// One inspect after the observer ended, which decides whether its code is the container's; null when the container is
    /// gone. Throws when the service cannot be asked (the record then stays unconfirmed).
    /// </summary>
    private async Task<ContainerInfo?> SettleAsync(string id, AppleExitObserver observer, CancellationToken cancellationToken)
    {
        var info = await TryInspectRawAsync(id, cancellationToken).ConfigureAwait(false);

        var exit = await observer.Completion.ConfigureAwait(false);
        _observers.Settle(id, observer, info, CliFailedAfterStart(exit));
        return info is null ? null : Normalize(info);
    }

    private async Task WaitQuietlyAsync(Task task, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken != cancellationToken && cancellationToken.IsCancellationRequested)
        {
            // The awaited task was canceled through a token linked to the caller's: the caller's token is the one to carry.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }
}
