using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>
/// Logs. For a container this process started attached, the observer's capture serves them with stdout and stderr
/// apart and ends a follow exactly when the container ends. Otherwise <c>container logs</c> is read: it merges both
/// streams into one file (reported as stdout) and has no timestamps. A follow reads the whole log again whenever a
/// <c>logs --follow</c> prints something (see <see cref="AppleLogCursor"/> for why its own lines are not used), and
/// ends with one last read once the exit watcher sees the container stop.
/// </content>
internal sealed partial class AppleContainerRuntime
{
    private static readonly TimeSpan LogSafetyPoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LogReadBatching = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, CancellationToken cancellationToken = default) =>
        _observers.Observer(id) is { Output.Truncated: false } observer
            ? ReadCaptureAsync(observer.Output, follow, cancellationToken)
            : ReadCliLogsAsync(id, follow, cancellationToken);

    private async IAsyncEnumerable<ContainerLogLine> ReadCaptureAsync(AppleCapturedOutput output, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lines, completed, changed) = output.Read(next);
            foreach (var line in lines)
            {
                yield return line;
            }

            next += lines.Count;
            if (!follow || completed)
            {
                yield break;
            }

            await WaitQuietlyAsync(changed, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<ContainerLogLine> ReadCliLogsAsync(string id, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = follow ? await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (before is null || before.State is not (ContainerState.Running or ContainerState.Stopping))
        {
            foreach (var line in await ReadFullLogAsync(id, cancellationToken).ConfigureAwait(false))
            {
                yield return new ContainerLogLine(LogStream.StandardOutput, line);
            }

            yield break;
        }

        // Full reads decide what is delivered (AppleLogCursor); a `logs --follow` only says when to read again.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var pump = PumpWakeUpsAsync(id, wakeUps.Writer, stop.Token);
        var exit = WaitForExitAsync(id, stop.Token);
        var cursor = new AppleLogCursor(TimeProvider.System);
        try
        {
            while (true)
            {
                var exited = exit.IsCompleted;
                var read = await ReadFullLogAsync(id, cancellationToken).ConfigureAwait(false);
                foreach (var line in cursor.Advance(read, final: exited))
                {
                    yield return new ContainerLogLine(LogStream.StandardOutput, line);
                }

                if (exited)
                {
                    yield break;
                }

                var wakeUp = wakeUps.Reader.WaitToReadAsync(stop.Token).AsTask();
                var quiet = cursor.HoldsBackALine ? AppleLogCursor.SettleTime : LogSafetyPoll;
                await WaitQuietlyAsync(Task.WhenAny(wakeUp, exit), quiet, cancellationToken).ConfigureAwait(false);
                wakeUps.Reader.TryRead(out _);

                // Output usually comes in bursts: one read a little later sees more of it (and the last line settles).
                await WaitQuietlyAsync(exit, LogReadBatching, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pump, exit).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>Signals (at most one pending) whenever <c>logs --follow</c> prints anything; the printed text is not used.</summary>
    private async Task PumpWakeUpsAsync(string id, ChannelWriter<bool> wakeUps, CancellationToken cancellationToken)
    {
        try
        {
            var request = _invoker.CreateRequest(AppleArguments.Logs(id, follow: true)) with { Timeout = null };
            await foreach (var item in _invoker.Runner.StreamLinesAsync(request, cancellationToken).ConfigureAwait(false))
            {
                wakeUps.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Canceled at the end of the follow.
        }
        catch (BridgeException)
        {
            // Failed: the safety poll and the exit watch carry on without it.
        }
    }

    /// <summary>
    /// The log's lines from one <c>container logs &lt;id&gt;</c>: the whole file with its leading and trailing newlines
    /// trimmed, then one newline (ContainerLogs.swift@1.2.2:84-95), so an empty log prints a single empty line.
    /// </summary>
    private async Task<IReadOnlyList<string>> ReadFullLogAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _invoker.RunAsync(AppleArguments.Logs(id, follow: false), "read the container's logs", cancellationToken).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n');
        var count = lines.Length - 1; // the runner ends every line with '\n'
        return count == 1 && lines[0].Length == 0 ? [] : lines[..count];
    }
}
