using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// A started child process whose stdout and stderr are read line by line into <see cref="Output"/>. Disposing it
/// stops the process (graceful signal, bounded wait, then a process-tree kill), so no child outlives its owner.
/// </summary>
internal sealed partial class CliProcess : IAsyncDisposable
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(3);

    private readonly IChildProcess _process;
    private readonly ProcessIdentity _identity;
    private readonly ProcessRequest _request;
    private readonly Channel<ProcessOutputLine> _output;
    private readonly CancellationTokenSource _pumpCancellation = new();
    private readonly Task _pumps;
    private Task _inputFeed = Task.CompletedTask;
    private int _stopping;

    private CliProcess(IChildProcess process, ProcessRequest request)
    {
        _process = process;
        _identity = ProcessTree.IdentityOf(process.Id) ?? new ProcessIdentity(process.Id, null);
        CliChildren.OnStarted(_identity);
        _request = request;
        _lastOutputTicks = Environment.TickCount64;
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

    /// <summary>
    /// Every output line, in order per stream; completes once both streams reached end of file, or once the process
    /// has exited and its pipes stayed silent for a moment (a descendant that inherited them may keep them open).
    /// </summary>
    public ChannelReader<ProcessOutputLine> Output => _output.Reader;

    /// <summary>Completes with the exit code once the process exited and all of its output was read.</summary>
    public Task<int> Exited { get; }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a process: on Linux and macOS as the leader of a process group of its own (see
    /// <see cref="ProcessGroupLeader"/>), so that a Ctrl+C meant for the AppHost never reaches a CLI it runs.
    /// Throws <see cref="BridgeErrorCode.RuntimeNotFound"/> when the executable cannot be started.
    /// </summary>
    public static CliProcess Start(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IChildProcess process;
        try
        {
            process = ProcessGroupLeader.IsSupported ? ProcessGroupLeader.Start(request) : ManagedChildProcess.Start(CreateStartInfo(request));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BridgeException(BridgeErrorCode.RuntimeNotFound, $"Could not start '{request.FileName}': {ex.Message}", ex)
            {
                Arguments = [request.FileName, .. request.Arguments],
            };
        }

        var cliProcess = new CliProcess(process, request);
        cliProcess.FeedStandardInput();
        return cliProcess;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await WaitQuietlyAsync(Exited, OutputDrainIdle + KillWait).ConfigureAwait(false);

        // Whatever still holds the pipes (a descendant that escaped the tree) no longer keeps the pumps or stdin alive.
        _pumpCancellation.Cancel();
        if (await WaitQuietlyAsync(Task.WhenAll(_pumps, _inputFeed), KillWait).ConfigureAwait(false))
        {
            // The process does not close streams that were handed out; closing them releases the pipes.
            _process.StandardOutput.Dispose();
            _process.StandardError.Dispose();
        }

        // _pumpCancellation is not disposed: a drain still running after a bounded wait may yet cancel it.
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
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

        return startInfo;
    }

    private static async Task<bool> WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            return true;
        }
    }
}
