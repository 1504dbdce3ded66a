using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Reading stdout and stderr, keeping the stderr tail, and draining both once the process has exited.</summary>
internal sealed partial class CliProcess
{
    private const int StandardErrorTailLimit = 8 * 1024;

    /// <summary>
    /// After the exit, how long the pipes may stay silent before reading stops. The process's own output is then
    /// already in the pipes and is read in milliseconds; only a descendant that inherited them can keep them open.
    /// </summary>
    private static readonly TimeSpan OutputDrainIdle = TimeSpan.FromSeconds(2);

    private readonly StringBuilder _standardErrorTail = new();
    private long _lastOutputTicks;

    /// <summary>The last part of standard error (at most 8 KiB).</summary>
    public string StandardErrorTail
    {
        get
        {
            lock (_standardErrorTail)
            {
                return _standardErrorTail.ToString();
            }
        }
    }

    private async Task PumpAsync(StreamReader reader, LogStream stream)
    {
        try
        {
            while (await reader.ReadLineAsync(_pumpCancellation.Token).ConfigureAwait(false) is { } line)
            {
                Interlocked.Exchange(ref _lastOutputTicks, Environment.TickCount64);
                if (stream == LogStream.StandardError)
                {
                    AppendStandardError(line);
                }

                _output.Writer.TryWrite(new ProcessOutputLine(stream, line));
            }
        }
        catch (Exception ex) when (_pumpCancellation.IsCancellationRequested && ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Reading was given up after the exit (see DrainAsync) or on disposal.
        }
    }

    private void AppendStandardError(string line)
    {
        lock (_standardErrorTail)
        {
            _standardErrorTail.Append(line).Append('\n');
            if (_standardErrorTail.Length > StandardErrorTailLimit)
            {
                _standardErrorTail.Remove(0, _standardErrorTail.Length - StandardErrorTailLimit);
            }
        }
    }

    private async Task<int> WaitForExitCodeAsync()
    {
        var exitCode = await _process.WaitForExitAsync().ConfigureAwait(false);
        CliChildren.OnEnded(_identity);

        await DrainAsync().ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>Reads until both pipes reach end of file, or until they stay silent for <see cref="OutputDrainIdle"/>.</summary>
    private async Task DrainAsync()
    {
        Interlocked.Exchange(ref _lastOutputTicks, Environment.TickCount64);
        while (!_pumps.IsCompleted)
        {
            var idle = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastOutputTicks));
            if (idle >= OutputDrainIdle)
            {
                _pumpCancellation.Cancel();
                await WaitQuietlyAsync(_pumps, KillWait).ConfigureAwait(false);
                break;
            }

            await Task.WhenAny(_pumps, Task.Delay(OutputDrainIdle - idle)).ConfigureAwait(false);
        }

        _output.Writer.TryComplete();
    }
}
