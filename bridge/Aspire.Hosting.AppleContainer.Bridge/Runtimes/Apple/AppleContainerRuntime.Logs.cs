using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>
/// Logs. For a container this process started, the observer's capture serves them with stdout and stderr apart and
/// ends a follow exactly when the container ends. Otherwise <c>container logs</c> is read: it merges both streams into
/// one file (reported as stdout), has no timestamps, and <c>--follow</c> never ends by itself (ContainerLogs.swift
/// @1.0.0), so a follow ends when the exit watcher sees the container stop and the last lines are reconciled.
/// </content>
public sealed partial class AppleContainerRuntime
{
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
            cancellationToken.ThrowIfCancellationRequestedAsBridge(Name);
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
            await foreach (var line in ReadCliOnceAsync(id, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lines = Channel.CreateUnbounded<ContainerLogLine>();
        var pump = PumpFollowAsync(id, lines.Writer, stop.Token);
        var exit = WaitForExitAsync(id, stop.Token);
        var delivered = 0;
        try
        {
            while (await WaitForLineOrExitAsync(lines.Reader, exit, cancellationToken).ConfigureAwait(false))
            {
                while (lines.Reader.TryRead(out var line))
                {
                    delivered += line.Text.Length > 0 ? 1 : 0;
                    yield return line;
                }
            }

            // The container stopped: the follow may lag, so deliver what the full log has beyond what was delivered
            // (follow drops empty lines, so only non-empty lines are counted on both sides).
            await stop.CancelAsync().ConfigureAwait(false);
            var rest = new List<ContainerLogLine>();
            await foreach (var line in ReadCliOnceAsync(id, cancellationToken).ConfigureAwait(false))
            {
                rest.Add(line);
            }

            foreach (var line in rest.Where(l => l.Text.Length > 0).Skip(delivered))
            {
                yield return line;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pump, exit).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>True while lines may still come; false once the container exited and every queued line was read.</summary>
    private async Task<bool> WaitForLineOrExitAsync(ChannelReader<ContainerLogLine> reader, Task exit, CancellationToken cancellationToken)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        var line = reader.WaitToReadAsync(cancellationToken).AsTask();
        await WaitQuietlyAsync(Task.WhenAny(line, exit), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        if (exit.IsCompleted)
        {
            return reader.TryPeek(out _);
        }

        return await line.ConfigureAwait(false);
    }

    private async Task PumpFollowAsync(string id, ChannelWriter<ContainerLogLine> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in ReadCliStreamAsync(AppleArguments.Logs(id, follow: true), timeout: null, cancellationToken).ConfigureAwait(false))
            {
                writer.TryWrite(line);
            }
        }
        catch (BridgeException)
        {
            // Canceled at the end of the follow, or failed: the reconciliation read reports real failures.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private IAsyncEnumerable<ContainerLogLine> ReadCliOnceAsync(string id, CancellationToken cancellationToken) =>
        ReadCliStreamAsync(AppleArguments.Logs(id, follow: false), _invoker.DefaultTimeout, cancellationToken);

    private async IAsyncEnumerable<ContainerLogLine> ReadCliStreamAsync(IReadOnlyList<string> arguments, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = _invoker.CreateRequest(arguments) with { Timeout = timeout };
        var standardError = new System.Text.StringBuilder();
        await using var lines = _invoker.Runner.StreamLinesAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await lines.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (BridgeException ex) when (ex.Runtime is null)
            {
                throw new BridgeException(ex.Code, ex.Message, ex.InnerException) { Runtime = Name, Arguments = ex.Arguments, StandardError = ex.StandardError };
            }

            var item = lines.Current;
            if (item.ExitCode is { } exitCode)
            {
                if (exitCode != 0)
                {
                    throw _invoker.Classifier.CreateException(_invoker.Argv(arguments), exitCode, standardError.ToString(), "read the container's logs");
                }

                yield break;
            }

            if (item.Line.Stream == LogStream.StandardError)
            {
                // The CLI's own messages; the container's output is all on stdout here.
                standardError.Append(item.Line.Text).Append('\n');
                continue;
            }

            yield return new ContainerLogLine(LogStream.StandardOutput, item.Line.Text);
        }
    }
}
