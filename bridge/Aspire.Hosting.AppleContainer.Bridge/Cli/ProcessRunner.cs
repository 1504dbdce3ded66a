using System.Runtime.CompilerServices;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// Runs CLI processes from argv lists. Cancellation and timeouts stop the process gracefully then forcefully with
/// bounded waits; cancellation then surfaces as an <see cref="OperationCanceledException"/> carrying the caller's token
/// (as CliWrap's does), a timeout as <see cref="BridgeErrorCode.Timeout"/>. A non-zero exit is not an error here
/// (callers classify it).
/// </summary>
internal sealed class ProcessRunner
{
    private static readonly TimeSpan ExitDrainLimit = TimeSpan.FromSeconds(3);

    /// <summary>The shared runner.</summary>
    public static ProcessRunner Default { get; } = new();

    /// <summary>Runs a process to completion and returns its exit code and all of its output.</summary>
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var exitCode = await RunAsync(
            request,
            line => (line.Stream == LogStream.StandardOutput ? stdout : stderr).Append(line.Text).Append('\n'),
            cancellationToken).ConfigureAwait(false);
        return new ProcessResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a process to completion, handing each output line to <paramref name="onLine"/> as it arrives.</summary>
    public async Task<int> RunAsync(ProcessRequest request, Action<ProcessOutputLine> onLine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        await foreach (var line in StreamLinesAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (line.ExitCode is { } code)
            {
                return code;
            }

            onLine(line.Line);
        }

        throw new InvalidOperationException("The process stream ended without an exit code.");
    }

    /// <summary>
    /// Streams a process's output lines; the last element carries the exit code. Breaking out of the enumeration, or
    /// canceling it, stops the process.
    /// </summary>
    public async IAsyncEnumerable<ProcessStreamItem> StreamLinesAsync(
        ProcessRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        using var timeout = request.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = timeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var process = CliProcess.Start(request);
        await using (process.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await process.Output.WaitToReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw await StopAsync(request, process, timedOut: timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested, cancellationToken).ConfigureAwait(false);
                }

                if (!more)
                {
                    break;
                }

                while (process.Output.TryRead(out var line))
                {
                    yield return new ProcessStreamItem(line, null);
                }
            }

            int exitCode;
            try
            {
                exitCode = await process.Exited.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw await StopAsync(request, process, timedOut: timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested, cancellationToken).ConfigureAwait(false);
            }

            yield return new ProcessStreamItem(default, exitCode);
        }
    }

    /// <summary>
    /// Stops a canceled or timed-out process and builds what to throw once its output has been drained (bounded): for a
    /// timeout, the coded error; for a cancellation, a <see cref="ProcessCanceledException"/> carrying
    /// <paramref name="cancellationToken"/>. Both keep the exit code and the stderr tail (what the CLI said while stopping).
    /// </summary>
    private static async Task<Exception> StopAsync(ProcessRequest request, CliProcess process, bool timedOut, CancellationToken cancellationToken)
    {
        await process.StopAsync().ConfigureAwait(false);
        int? exitCode = null;
        try
        {
            exitCode = await process.Exited.WaitAsync(ExitDrainLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still draining or not yet reaped: report without the exit code.
        }

        if (!timedOut)
        {
            return new ProcessCanceledException($"'{request.FileName}' was canceled and stopped.", cancellationToken)
            {
                Arguments = [request.FileName, .. request.Arguments],
                ExitCode = exitCode,
                StandardError = process.StandardErrorTail,
            };
        }

        return new BridgeException(BridgeErrorCode.Timeout, $"'{request.FileName}' did not finish within {request.Timeout!.Value.TotalSeconds:0.#} s and was stopped.")
        {
            Arguments = [request.FileName, .. request.Arguments],
            ExitCode = exitCode,
            StandardError = process.StandardErrorTail,
        };
    }
}
