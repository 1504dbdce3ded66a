namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Exit detection: the observer's end (then one inspect), else a cheap backing-off poll.</content>
internal sealed partial class AppleContainerRuntime
{
    private static readonly TimeSpan FirstExitPoll = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    /// <remarks>
    /// 1.x has no <c>wait</c> and no <c>events</c>, and reports no exit codes (ContainerStatus.swift @1.0.0). For a
    /// container this process started attached, the observer ends with the container's exit status: one inspect then
    /// confirms the stop. Otherwise the state is polled (250 ms, backing off to <see cref="AppleContainerRuntimeOptions.ExitPollInterval"/>)
    /// and the code is reported as unknown (null), never as 0. A service that cannot be reached ends the wait with its
    /// coded error (<see cref="BridgeErrorCode.RuntimeNotRunning"/>).
    /// </remarks>
    public async Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_observers.Observer(id) is { } observer)
        {
            await WaitQuietlyAsync(observer.Completion, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            var exit = await observer.Completion.ConfigureAwait(false);
            // When the service cannot be asked (it was stopped, which also ended the container) the error is the answer: the
            // caller loses track with the coded reason, as when an OCI runtime's event stream goes away.
            var after = await SettleAsync(id, observer, cancellationToken).ConfigureAwait(false);
            if (after is null)
            {
                // Gone: nothing confirms that the observer's code is the container's.
                return new ContainerExit(null, exit.EndedAt);
            }

            if (after.State is not (ContainerState.Running or ContainerState.Stopping))
            {
                return new ContainerExit(after.ExitCode, after.FinishedAt ?? exit.EndedAt);
            }

            // The observer ended while the container still runs (its CLI failed): fall back to polling.
        }

        var delay = FirstExitPoll;
        while (true)
        {
            var info = await TryInspectAsync(id, cancellationToken).ConfigureAwait(false);
            if (info is null || info.State is not (ContainerState.Running or ContainerState.Stopping or ContainerState.Unknown))
            {
                return new ContainerExit(info?.ExitCode, info?.FinishedAt);
            }

            await Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ExitPollInterval.Ticks));
        }
    }

    /// <summary>
    /// Whether the attached CLI failed after the container had started, so that its exit code (1) is not the container's:
    /// a failure inside <c>handleProcess</c> that is not a ContainerizationError (the 3 s wait for the output streams
    /// throws a CancellationError) is printed as <c>failed to start container: …</c> (ContainerStart.swift@1.2.2:105-113).
    /// Other CLI failures leave no run of their own behind (see <see cref="AppleObserverRegistry.Settle"/>), so no other
    /// text is matched: a container whose own last line looks like a CLI error keeps its code.
    /// </summary>
    private static bool CliFailedAfterStart(ObservedExit exit) =>
        exit.ObserverExitCode == 1
        && exit.StandardErrorTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } last
        && last.StartsWith("Error: failed to start container:", StringComparison.Ordinal);

    private async Task<ContainerInfo?> TryInspectRawAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _invoker.RunAsync(AppleArguments.Inspect(id), "inspect the container", cancellationToken).ConfigureAwait(false);
            return AppleContainerParser.Parse(result.StandardOutput, "inspect").FirstOrDefault(c => c.Id == id);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
        {
            return null;
        }
    }

    private async Task<ContainerInfo?> TryInspectAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
        {
            return null;
        }
    }
}
