using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// A started child process whose stdout and stderr are read line by line into <see cref="Output"/>. Disposing it
/// stops the process (graceful signal, bounded wait, then a process-tree kill), so no child outlives its owner.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private const int StandardErrorTailLimit = 8 * 1024;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(3);

    private readonly Process _process;
    private readonly ProcessRequest _request;
    private readonly Channel<ProcessOutputLine> _output;
    private readonly StringBuilder _standardErrorTail = new();
    private readonly Task _pumps;
    private int _stopping;

    private CliProcess(Process process, ProcessRequest request)
    {
        _process = process;
        _request = request;
        _output = Channel.CreateUnbounded<ProcessOutputLine>(new UnboundedChannelOptions { SingleReader = true });
        var stdout = PumpAsync(process.StandardOutput, LogStream.StandardOutput);
        var stderr = PumpAsync(process.StandardError, LogStream.StandardError);
        _pumps = Task.WhenAll(stdout, stderr).ContinueWith(
            t => _output.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        Exited = WaitForExitCodeAsync();
    }

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The argv that started the process.</summary>
    public IReadOnlyList<string> Arguments => _request.Arguments;

    /// <summary>Every output line, in order per stream; completes once both streams reached end of file.</summary>
    public ChannelReader<ProcessOutputLine> Output => _output.Reader;

    /// <summary>Completes with the exit code once the process exited and all of its output was read.</summary>
    public Task<int> Exited { get; }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

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

    /// <summary>Starts a process. Throws <see cref="BridgeErrorCode.RuntimeNotFound"/> when the executable cannot be started.</summary>
    public static CliProcess Start(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        if (request.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = request.WorkingDirectory;
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FileNotFoundException or DirectoryNotFoundException)
        {
            process.Dispose();
            throw new BridgeException(BridgeErrorCode.RuntimeNotFound, $"Could not start '{request.FileName}': {ex.Message}", ex)
            {
                Arguments = [request.FileName, .. request.Arguments],
            };
        }

        var cliProcess = new CliProcess(process, request);
        cliProcess.FeedStandardInput();
        return cliProcess;
    }

    /// <summary>
    /// Stops the process if it still runs: the request's graceful signal, up to its grace period, then a kill of the
    /// whole process tree and a bounded wait. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await WaitQuietlyAsync(_request.GracePeriod + KillWait).ConfigureAwait(false);
            return;
        }

        if (HasExitedSafe())
        {
            return;
        }

        if (NativeSignals.TrySend(_process.Id, _request.CancelSignal)
            && await WaitQuietlyAsync(_request.GracePeriod).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exited while being killed.
        }

        await WaitQuietlyAsync(KillWait).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            await _pumps.WaitAsync(KillWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild holding the pipes open; the process itself is gone.
        }

        _process.Dispose();
    }

    private bool HasExitedSafe()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task<bool> WaitQuietlyAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void FeedStandardInput()
    {
        if (_request.KeepStandardInputOpen)
        {
            return;
        }

        var input = _request.StandardInput;
        if (input is null)
        {
            CloseStandardInput();
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await _process.StandardInput.WriteAsync(input).ConfigureAwait(false);
                await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The child exited before reading all of its input (broken pipe); that is its choice.
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                CloseStandardInput();
            }
        });
    }

    private void CloseStandardInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(StreamReader reader, LogStream stream)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (stream == LogStream.StandardError)
            {
                AppendStandardError(line);
            }

            _output.Writer.TryWrite(new ProcessOutputLine(stream, line));
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
        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _pumps.ConfigureAwait(false);
        return _process.ExitCode;
    }
}
