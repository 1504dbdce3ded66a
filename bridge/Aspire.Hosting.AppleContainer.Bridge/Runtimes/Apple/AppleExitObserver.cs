using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// A <c>container start --attach &lt;id&gt;</c> process that owns a container's start and ends with its exit status
/// (ContainerStart.swift, ProcessIO.handleProcess @1.0.0: the CLI waits on the init process and exits with its code).
/// </summary>
/// <remarks>
/// What the sources say about losing it (tags 1.0.0 … 1.2.2):
/// <list type="bullet">
/// <item>SIGTERM, SIGINT, SIGUSR1, SIGUSR2 and SIGWINCH sent to the attached CLI are forwarded to the container's process
/// (ProcessIO.signalSet, handleProcess); Application.restoreCursorAtExit also installs SIGINT/SIGTERM handlers. So the
/// observer is never sent a graceful signal: it is ended only with SIGKILL, which the CLI cannot forward.</item>
/// <item>The runtime helper ignores SIGPIPE (RuntimeLinuxHelper+Start.swift) and keeps running the VM when the attached
/// pipe's reader is gone, so a killed observer does not stop the container.</item>
/// <item>Open question the sources leave: the helper's MultiWriter (RuntimeService.swift) writes each chunk to the
/// attached pipe before the container log file and stops at the first failing handle; whether the relay then keeps
/// logging is decided in apple/containerization, outside these sources. Conservatively the observer is kept alive for
/// the container's whole life and never killed while the container runs (only process exit can end it early).</item>
/// </list>
/// Its output is drained into an <see cref="AppleCapturedOutput"/> (so the container never blocks on a full pipe, and
/// logs of containers this process started keep stdout and stderr apart).
/// </remarks>
internal sealed class AppleExitObserver
{
    private readonly CliProcess _process;

    private AppleExitObserver(CliProcess process, AppleCapturedOutput output)
    {
        _process = process;
        Output = output;
        Drained = Task.Run(DrainAsync);
        Completion = WaitAsync();
    }

    /// <summary>Completes once the observer ended: its exit code, when it ended, and the tail of its stderr.</summary>
    public Task<ObservedExit> Completion { get; }

    /// <summary>What the container printed, stream by stream, since this observer started it.</summary>
    public AppleCapturedOutput Output { get; }

    /// <summary>The observer's process id.</summary>
    public int ProcessId => _process.ProcessId;

    private Task Drained { get; }

    /// <summary>Starts the observer; throws <see cref="BridgeErrorCode.RuntimeNotFound"/> when the CLI cannot start.</summary>
    public static AppleExitObserver Start(ProcessRequest request, AppleCapturedOutput output) =>
        new(CliProcess.Start(request with { Timeout = null, CancelSignal = ProcessSignal.Kill, StandardInput = null }), output);

    private async Task DrainAsync()
    {
        try
        {
            await foreach (var line in _process.Output.ReadAllAsync().ConfigureAwait(false))
            {
                Output.Append(new ContainerLogLine(line.Stream, line.Text));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The pipes closed under a kill; nothing is lost that logs cannot read again.
        }
        finally
        {
            Output.Complete();
        }
    }

    private async Task<ObservedExit> WaitAsync()
    {
        var code = await _process.Exited.ConfigureAwait(false);
        await Drained.ConfigureAwait(false);
        return new ObservedExit(code, DateTimeOffset.UtcNow, _process.StandardErrorTail);
    }
}
